using Ark.Compiler.Syntax;

namespace Ark.Compiler.Diagnostics;

/// <summary>Builds compile errors located at a node.</summary>
internal static class CodeErrors
{
    public static CodeError At(Node node, string message, string? expr = null) =>
        new(message, node.File, node.Line, node.Column, expr ?? node.Repr());

    /// <summary>
    /// An error reported, as the reference does, with the file of <paramref name="owner"/>
    /// but the position of <paramref name="culprit"/> (which may have none of its own).
    /// </summary>
    public static CodeError At(Node owner, Node culprit, string message, string expr) =>
        new(message, owner.File, culprit.Line, culprit.Column, expr);
}
