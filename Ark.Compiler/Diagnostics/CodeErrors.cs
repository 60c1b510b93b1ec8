using Ark.Compiler.Syntax;

namespace Ark.Compiler.Diagnostics;

/// <summary>Builds compile errors located at a node.</summary>
internal static class CodeErrors
{
    public static CodeError At(Node node, string message, string? expr = null) =>
        new(message, node.File, node.Line, node.Column, expr ?? node.Repr());
}
