using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>Replaces a symbol naming a value macro <c>($ name value)</c> by the value, at the symbol's place.</summary>
internal sealed class SymbolMacroExecutor(MacroProcessor processor) : IMacroExecutor
{
    public bool CanHandle(MacroNode node) => node.Type == NodeType.Symbol;

    public bool Apply(MacroNode node, int depth)
    {
        if (processor.FindMacro(node.Text) is not { Count: 2 } macro)
            return false;
        node.AssignKeepingPosition(macro[1]);
        processor.Evaluate(node, depth + 1, isNotBody: false);
        return true;
    }
}
