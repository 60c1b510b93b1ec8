using Ark.Compiler.Syntax;

namespace Ark.Compiler.CodeGen;

/// <summary>
/// Numbers the functions of a program the way the reference does, so that printing a
/// function (<c>Function @ 3</c>) gives the same page. The reference creates a page when it
/// reaches a <c>fun</c> while compiling, so the order follows its compilation order: a call's
/// callee before its arguments, an <c>if</c>'s else branch before its then branch, list
/// instruction arguments last to first.
/// </summary>
internal static class PageNumbering
{
    public static Dictionary<Node, int> Number(Node program)
    {
        var pages = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        var next = 1;
        Visit(program, false, "");
        return pages;

        void Visit(Node x, bool terminal, string varName)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            if (x.Type != NodeType.List || x.Children.Count == 0)
                return;
            var head = x.Children[0];
            if (head.Type == NodeType.Symbol && Array.IndexOf(Language.ListInstructions, head.Text) >= 0)
            {
                for (var i = x.Children.Count - 1; i > 0; i--)
                    Visit(x.Children[i], false, "");
                return;
            }
            if (head.Type == NodeType.Keyword)
            {
                switch (head.Keyword)
                {
                    case Keyword.If:
                        if (x.Children.Count > 1)
                            Visit(x.Children[1], false, "");
                        if (x.Children.Count > 3)
                            Visit(x.Children[3], terminal, varName);
                        if (x.Children.Count > 2)
                            Visit(x.Children[2], terminal, varName);
                        break;
                    case Keyword.Let:
                    case Keyword.Mut:
                    case Keyword.Set:
                        var name = x.Children.Count > 1 ? x.Children[1].Text : "";
                        for (var i = 2; i < x.Children.Count; i++)
                            Visit(x.Children[i], false, name);
                        break;
                    case Keyword.Fun:
                        pages[x] = next++;
                        if (x.Children.Count > 2)
                            Visit(x.Children[2], true, varName);
                        break;
                    case Keyword.Begin:
                        for (var i = 1; i < x.Children.Count; i++)
                            Visit(x.Children[i], terminal && i == x.Children.Count - 1, varName);
                        break;
                    case Keyword.While:
                        for (var i = 1; i < x.Children.Count; i++)
                            Visit(x.Children[i], false, "");
                        break;
                }
                return;
            }
            if (head.Type == NodeType.Symbol && (head.Text is Language.And or Language.Or || Array.IndexOf(Language.Operators, head.Text) >= 0))
            {
                for (var i = 1; i < x.Children.Count; i++)
                    Visit(x.Children[i], false, "");
                return;
            }
            if (terminal && head.Type == NodeType.Symbol && head.Text == varName)
            {
                for (var i = x.Children.Count - 1; i > 0; i--)
                    Visit(x.Children[i], false, "");
                return;
            }
            Visit(head, false, "");
            for (var i = 1; i < x.Children.Count; i++)
                Visit(x.Children[i], false, "");
        }
    }
}
