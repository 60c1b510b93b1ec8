using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// Resolves <c>($if condition then else?)</c> at compile time: the node becomes the chosen
/// branch, or is removed when the condition is false and there is no else branch. A branch
/// that is itself a macro definition is registered in the current scope.
/// </summary>
internal sealed class ConditionalMacroExecutor(MacroProcessor processor) : IMacroExecutor
{
    public bool CanHandle(MacroNode node) =>
        node.Type == NodeType.Macro && node.Count > 0 && node[0].IsKeyword(Keyword.If);

    public bool Apply(MacroNode node, int depth)
    {
        var condition = node[1].Clone();
        var value = processor.Evaluate(condition, depth + 1, isNotBody: true);

        if (MacroTruth.IsTruthy(value))
            node.AssignKeepingPosition(node[2]);
        else if (node.Count > 3)
            node.AssignKeepingPosition(node[3]);
        else
        {
            node.Children.Clear();
            node.BecomeUnused();
        }

        if (node.Type == NodeType.Macro)
            processor.RegisterMacro(node);
        return true;
    }
}
