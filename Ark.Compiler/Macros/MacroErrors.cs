using Ark.Compiler.Diagnostics;

namespace Ark.Compiler.Macros;

/// <summary>The limits of macro expansion and the errors it raises, located at the node at fault.</summary>
internal static class MacroErrors
{
    /// <summary>How deeply lists may nest while macros are processed.</summary>
    public const int MaxProcessingDepth = 256;

    /// <summary>How deeply a macro body may nest while its parameters are replaced.</summary>
    public const int MaxUnificationDepth = 256;

    public static CodeError At(MacroNode node, string message) =>
        new(message, node.File, node.Line, node.Column, node.Repr());

    public static CodeError RecursionDepth(MacroNode node) => At(node,
        $"Max recursion depth reached ({MaxProcessingDepth}). You most likely have a badly defined recursive macro calling itself without a proper exit condition");

    public static CodeError ProcessingDepth(MacroNode node) => At(node,
        $"Max macro processing depth reached ({MaxProcessingDepth}). You may have a macro trying to evaluate itself, try splitting your code in multiple nodes.");

    public static CodeError UnificationDepth(MacroNode node) => At(node,
        $"Max macro unification depth reached ({MaxUnificationDepth}). You may have a macro trying to evaluate itself, try splitting your code in multiple nodes.");
}
