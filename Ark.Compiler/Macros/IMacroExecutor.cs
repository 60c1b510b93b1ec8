namespace Ark.Compiler.Macros;

/// <summary>One way of expanding a node: a value macro, a <c>$if</c>, a function macro call.</summary>
internal interface IMacroExecutor
{
    /// <summary>Whether the node has the shape this executor deals with.</summary>
    bool CanHandle(MacroNode node);

    /// <summary>Rewrites the node in place; false when it was left as it is.</summary>
    bool Apply(MacroNode node, int depth);
}
