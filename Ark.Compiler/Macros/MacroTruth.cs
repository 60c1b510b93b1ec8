using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>Truthiness of a node in compile-time conditions.</summary>
internal static class MacroTruth
{
    /// <summary>
    /// The symbol <c>true</c>, a non-zero number and a non-empty string are true; everything
    /// else (false, nil, other symbols, lists...) is false.
    /// </summary>
    public static bool IsTruthy(MacroNode node) => node.Type switch
    {
        NodeType.Symbol => node.Text == "true",
        NodeType.Number => node.Number != 0.0,
        NodeType.String => node.Text.Length > 0,
        NodeType.Spread => throw MacroErrors.At(node, "Can not determine the truth value of a spreaded symbol"),
        _ => false,
    };
}
