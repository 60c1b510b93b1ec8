using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// Substitutes a function macro's arguments for its parameters in a copy of its body. A
/// spread <c>...rest</c> is replaced by the elements of the list bound to <c>rest</c>, which
/// are inserted in the list holding the spread.
/// </summary>
internal static class MacroUnifier
{
    public static void Unify(IReadOnlyDictionary<string, MacroNode> bindings, MacroNode body) =>
        Unify(bindings, body, parent: null, index: 0, depth: 0);

    private static void Unify(IReadOnlyDictionary<string, MacroNode> bindings, MacroNode target, MacroNode? parent, int index, int depth)
    {
        if (depth > MacroErrors.MaxUnificationDepth)
            throw MacroErrors.UnificationDepth(parent ?? target);

        if (target.Type == NodeType.Symbol)
        {
            if (bindings.TryGetValue(target.Text, out var value))
                target.Assign(value);
        }
        else if (target.IsListLike)
        {
            // The index moves on after a spread is replaced, as in the reference: the first
            // element it inserted is not visited again, and after an empty spread the next
            // element is skipped.
            for (int i = 0; i < target.Count; ++i)
                Unify(bindings, target[i], target, i, depth + 1);
        }
        else if (target.Type == NodeType.Spread)
        {
            var spread = target.Clone();
            spread.BecomeSymbol(target.Text);
            Unify(bindings, spread, parent, 0, depth + 1);

            if (spread.Type != NodeType.List)
                throw MacroErrors.At(spread, $"Can not unify a {spread.TypeName()} to a Spread");
            if (parent is null)
            {
                target.Assign(spread);
                return;
            }

            parent.Children.InsertRange(index + 1, spread.Children.Skip(1));
            parent.Children.RemoveAt(index);
        }
    }
}
