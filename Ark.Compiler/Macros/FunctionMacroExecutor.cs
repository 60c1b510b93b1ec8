using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// Expands a call whose head names a macro: <c>(name args...)</c> for a function macro
/// <c>($ name (params ...rest) body)</c> binds the arguments and evaluates the body; a value
/// macro in head position is replaced by its value; the special macros (<c>$symcat</c>,
/// <c>$argcount</c>, <c>$repr</c>, <c>$paste</c>, <c>$undef</c>) are evaluated.
/// </summary>
internal sealed class FunctionMacroExecutor(MacroProcessor processor) : IMacroExecutor
{
    public bool CanHandle(MacroNode node) => node.IsCall;

    public bool Apply(MacroNode node, int depth)
    {
        var head = node[0];
        if (processor.FindMacro(head.Text) is { } macro)
        {
            if (macro.Count == 2)
                processor.ApplyMacro(head, depth + 1);
            else if (macro.Count == 3)
            {
                Expand(node, macro, depth);
                return true;
            }
        }
        else if (SpecialMacros.IsSpecial(head.Text))
        {
            node.AssignKeepingPosition(processor.Evaluate(node, depth + 1, isNotBody: false));
            return true;
        }
        return false;
    }

    private void Expand(MacroNode node, MacroNode macro, int depth)
    {
        string name = macro[0].Text;
        var parameters = macro[1];
        var body = macro[2].Clone();
        int needed = parameters.Count;
        int given = node.Count - 1;
        bool hasSpread = needed > 0 && parameters[needed - 1].Type == NodeType.Spread;

        var bindings = Bind(node, parameters);
        if (hasSpread && bindings.Count + 1 == needed)
            bindings[parameters[needed - 1].Text] = RestList();

        if (!hasSpread && given != needed)
            throw MacroErrors.At(node, $"Macro `{name}' got {given} argument(s) but needed {needed}");
        if (hasSpread && bindings.Count != needed)
            throw MacroErrors.At(node, $"Macro `{name}' got {bindings.Count} argument(s) but needed at least {needed - 1}");

        if (bindings.Count > 0)
            MacroUnifier.Unify(bindings, body);

        node.AssignKeepingPosition(processor.Evaluate(body, depth + 1, isNotBody: false));
        processor.ApplyMacro(node, depth + 1);
    }

    /// <summary>Binds the arguments to the parameters in order; the rest go to the spread, as a <c>(list ...)</c>.</summary>
    private static Dictionary<string, MacroNode> Bind(MacroNode call, MacroNode parameters)
    {
        var bindings = new Dictionary<string, MacroNode>(StringComparer.Ordinal);
        int j = 0;
        for (int i = 1; i < call.Count && j < parameters.Count; ++i)
        {
            var parameter = parameters[j];
            if (parameter.Type == NodeType.Symbol)
            {
                bindings[parameter.Text] = call[i];
                ++j;
            }
            else if (parameter.Type == NodeType.Spread)
            {
                if (!bindings.TryGetValue(parameter.Text, out var rest))
                    bindings[parameter.Text] = rest = RestList();
                rest.Children.Add(call[i].Clone());
            }
            else
                break;
        }
        return bindings;
    }

    private static MacroNode RestList()
    {
        var list = MacroNode.EmptyList();
        list.Children.Add(MacroNode.ListSymbol());
        return list;
    }
}
