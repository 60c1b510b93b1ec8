using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// How compile-time conditions compare nodes: the reference compares node values, never
/// evaluating them. Two lists are never equal; nodes of different kinds order by kind.
/// </summary>
internal static class NodeComparison
{
    public static bool AreEqual(MacroNode a, MacroNode b)
    {
        if (a.Type != b.Type)
            return false;
        switch (a.Type)
        {
            case NodeType.List:
                return false;
            case NodeType.Number:
                return a.Number == b.Number;
            case NodeType.Keyword:
                return a.Keyword == b.Keyword;
            case NodeType.Field:
            case NodeType.Macro:
                if (a.Count != b.Count)
                    return false;
                for (int i = 0; i < a.Count; ++i)
                {
                    if (!AreEqual(a[i], b[i]))
                        return false;
                }
                return true;
            default:
                return a.Text == b.Text;
        }
    }

    public static bool IsLess(MacroNode a, MacroNode b)
    {
        if (a.Type != b.Type)
            return a.Type < b.Type;
        return a.Type switch
        {
            NodeType.Number => a.Number < b.Number,
            NodeType.Symbol or NodeType.String => string.CompareOrdinal(a.Text, b.Text) < 0,
            _ => false,
        };
    }
}
