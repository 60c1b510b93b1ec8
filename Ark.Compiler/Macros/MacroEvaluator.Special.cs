using System.Globalization;
using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>The special macros: <c>$symcat</c>, <c>$argcount</c>, <c>$repr</c>, <c>$paste</c> and <c>$undef</c>.</summary>
internal sealed partial class MacroEvaluator
{
    private MacroNode? Symcat(MacroNode node, int depth)
    {
        if (node.Count <= 2)
            throw MacroErrors.At(node, $"When expanding `{SpecialMacros.Symcat}', expected at least 2 arguments, got {node.Count - 1} arguments");
        if (node[1].Type != NodeType.Symbol)
            throw MacroErrors.At(node, $"When expanding `{SpecialMacros.Symcat}', expected the first argument to be a Symbol, got a {node[1].TypeName()}");

        var symbol = new System.Text.StringBuilder(node[1].Text);
        for (int i = 2; i < node.Count; ++i)
        {
            var part = Evaluate(node[i], depth + 1, isNotBody: true);
            switch (part.Type)
            {
                case NodeType.Number:
                    // numbers are truncated: no '.' in a name
                    symbol.Append(((long)part.Number).ToString(CultureInfo.InvariantCulture));
                    break;
                case NodeType.String:
                case NodeType.Symbol:
                    symbol.Append(part.Text);
                    break;
                default:
                    throw MacroErrors.At(part, $"When expanding `{SpecialMacros.Symcat}', expected either a Number, String or Symbol, got a {part.TypeName()}");
            }
        }

        node.BecomeSymbol(symbol.ToString());
        return null;
    }

    private MacroNode? Argcount(MacroNode node)
    {
        if (node.Count < 2)
            return null;
        var target = node[1];
        if (target.Type == NodeType.Symbol)
        {
            if (processor.FindDefinedFunction(target.Text) is not { } parameters)
                throw MacroErrors.At(target, $"When expanding `{SpecialMacros.Argcount}', expected a known function name, got unbound variable {target.Text}");
            node.AssignKeepingPosition(MacroNode.Num(parameters.Count));
        }
        else if (target.Type == NodeType.List && target.Count == 3 && target[0].IsKeyword(Keyword.Fun))
            node.AssignKeepingPosition(MacroNode.Num(target[1].Count));
        else
            throw MacroErrors.At(target, $"When trying to apply `{SpecialMacros.Argcount}', got a {target.TypeName()} instead of a Symbol or Function");
        return null;
    }

    private static MacroNode? Repr(MacroNode node)
    {
        if (node.Count < 2)
            return null;
        node.AssignKeepingPosition(MacroNode.String(node[1].Repr()));
        return null;
    }

    private static MacroNode Paste(MacroNode node)
    {
        if (node.Count != 2)
            throw MacroErrors.At(node, $"When expanding `{SpecialMacros.Paste}', expected one argument, got {node.Count - 1} arguments");
        return node[1];
    }

    private MacroNode Undef(MacroNode node)
    {
        if (node.Count != 2)
            throw MacroErrors.At(node, $"When expanding `{SpecialMacros.Undef}', expected one argument, got {node.Count - 1} arguments");

        var name = node[1];
        if (name.Type != NodeType.Symbol)
            throw MacroErrors.At(name, $"When expanding `{SpecialMacros.Undef}', got a {name.TypeName()}. Can not un-define a macro without a valid name");

        processor.Scopes.RemoveNearest(name.Text);
        node.BecomeUnused();
        return node;
    }
}
