using Ark.Compiler.Syntax;

namespace Ark.Compiler.CodeGen;

/// <summary>
/// Finds the locals of a function that may be used while unbound: read, set or deleted before
/// their <c>let</c> ran (or after a <c>del</c>). Such a use falls back to the enclosing
/// scopes, up to the globals, so the globals it names can be read by function code. A local
/// counts as bound after its <c>let</c> on every path: a binding made in one branch of an
/// <c>if</c>, in a loop body or after a short-circuit is not relied on afterwards.
/// </summary>
internal static class UnboundAccessAnalysis
{
    public static HashSet<string> Find(Node fun, FunctionScope scope)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        // a repeated parameter name takes one slot, so there may be fewer names than parameters
        for (var i = 0; i < Math.Min(scope.Arity, scope.SlotNames.Count); i++)
            bound.Add(scope.SlotNames[i]);
        Walk(fun.Children[2], bound, scope, result);
        return result;
    }

    private static void Use(string name, HashSet<string> bound, FunctionScope scope, HashSet<string> result)
    {
        if (scope.TryGetSlot(name, out _) && !bound.Contains(name))
            result.Add(name);
    }

    private static void Walk(Node x, HashSet<string> bound, FunctionScope scope, HashSet<string> result)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (x.Type)
        {
            case NodeType.Symbol:
                Use(x.Text, bound, scope, result);
                return;
            case NodeType.Field:
                Use(x.Children[0].Text, bound, scope, result);
                return;
            case NodeType.List when x.Children.Count > 0:
                break;
            default:
                return;
        }

        var head = x.Children[0];
        if (head.Type == NodeType.Keyword)
        {
            switch (head.Keyword)
            {
                case Keyword.Fun:
                    // captures read the current scope when the closure is made
                    if (x.Children.Count > 1 && x.Children[1].Type == NodeType.List)
                    {
                        foreach (var arg in x.Children[1].Children.Where(a => a.Type == NodeType.Capture))
                            Use(arg.Text, bound, scope, result);
                    }
                    return;
                case Keyword.Let:
                case Keyword.Mut:
                case Keyword.Set:
                    for (var i = 2; i < x.Children.Count; i++)
                        Walk(x.Children[i], bound, scope, result);
                    if (x.Children.Count > 1 && x.Children[1].Type == NodeType.Symbol)
                    {
                        if (head.Keyword == Keyword.Set)
                            Use(x.Children[1].Text, bound, scope, result);
                        else
                            bound.Add(x.Children[1].Text);
                    }
                    return;
                case Keyword.Del:
                    if (x.Children.Count > 1)
                    {
                        Use(x.Children[1].Text, bound, scope, result);
                        // every later use may find it unbound, even in another iteration
                        result.Add(x.Children[1].Text);
                        bound.Remove(x.Children[1].Text);
                    }
                    return;
                case Keyword.If:
                    {
                        if (x.Children.Count > 1)
                            Walk(x.Children[1], bound, scope, result);
                        var thenBound = new HashSet<string>(bound, StringComparer.Ordinal);
                        var elseBound = new HashSet<string>(bound, StringComparer.Ordinal);
                        if (x.Children.Count > 2)
                            Walk(x.Children[2], thenBound, scope, result);
                        if (x.Children.Count > 3)
                            Walk(x.Children[3], elseBound, scope, result);
                        thenBound.IntersectWith(elseBound);
                        bound.UnionWith(thenBound);
                        return;
                    }
                case Keyword.While:
                    if (x.Children.Count > 1)
                        Walk(x.Children[1], bound, scope, result);
                    for (var i = 2; i < x.Children.Count; i++)
                        Walk(x.Children[i], new HashSet<string>(bound, StringComparer.Ordinal), scope, result);
                    return;
            }
        }
        else if (head.Type == NodeType.Symbol && head.Text is Language.And or Language.Or)
        {
            if (x.Children.Count > 1)
                Walk(x.Children[1], bound, scope, result);
            var maybe = new HashSet<string>(bound, StringComparer.Ordinal);
            for (var i = 2; i < x.Children.Count; i++)
                Walk(x.Children[i], maybe, scope, result);
            return;
        }

        foreach (var child in x.Children)
            Walk(child, bound, scope, result);
    }
}
