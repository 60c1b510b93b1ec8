using System.Globalization;
using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// <c>len</c>, <c>empty?</c>, <c>@</c>, <c>head</c> and <c>tail</c> on lists written in the
/// code. A list starting with the symbol <c>list</c> (what <c>[...]</c> and spread arguments
/// become) does not count that symbol; any other list counts all its nodes, so
/// <c>(len (fun () 5))</c> is 3.
/// </summary>
internal sealed partial class MacroEvaluator
{
    private MacroNode? Length(MacroNode node)
    {
        CheckSingleArgument(node, "len");
        if (node.Count < 2)
            return null;
        var list = node[1];
        if (list.Type == NodeType.List && IsConstant(list))
            node.AssignKeepingPosition(MacroNode.Num(ElementCount(list)));
        return null;
    }

    private MacroNode? IsEmpty(MacroNode node)
    {
        CheckSingleArgument(node, "empty?");
        if (node.Count < 2)
            return null;
        var list = node[1];
        if (list.Type == NodeType.List && IsConstant(list))
            node.AssignKeepingPosition(MacroNode.Bool(ElementCount(list) == 0));
        else if (list.IsSymbol("nil"))
            node.AssignKeepingPosition(MacroNode.True());
        return null;
    }

    private MacroNode? At(MacroNode node, int depth, bool isNotBody)
    {
        CheckArity(node, 2, "@", "");
        var list = Evaluate(node[1], depth + 1, isNotBody);
        var index = Evaluate(node[2], depth + 1, isNotBody);
        if (list.Type != NodeType.List || index.Type != NodeType.Number)
            return null;

        int size = list.Count;
        int realSize = size;
        long position = (long)index.Number;
        if (list.StartsWithListSymbol)
        {
            --realSize;
            if (position >= 0)
                ++position;
        }

        MacroNode element;
        if (position >= 0 && position < size)
            element = list[(int)position];
        else if (position < 0 && size + position >= 0)
            element = list[(int)(size + position)];
        else
        {
            throw MacroErrors.At(node, string.Create(CultureInfo.InvariantCulture,
                $"Index ({position}) out of range (list size: {realSize})"));
        }

        var output = element.Clone();
        output.SetPosition(node.File, node.Line, node.Column);
        return output;
    }

    private MacroNode? Head(MacroNode node)
    {
        CheckSingleArgument(node, "head");
        if (node.Count < 2 || node[1].Type != NodeType.List)
            return null;
        var list = node[1];
        if (list.StartsWithListSymbol)
            node.AssignKeepingPosition(list.Count > 1 ? list[1] : MacroNode.Nil());
        else
            node.AssignKeepingPosition(list.Count > 0 ? list[0] : MacroNode.Nil());
        return null;
    }

    private MacroNode? Tail(MacroNode node)
    {
        CheckSingleArgument(node, "tail");
        if (node.Count < 2 || node[1].Type != NodeType.List)
            return null;

        var rest = node[1].Clone();
        if (rest.StartsWithListSymbol && rest.Count > 1)
            rest.Children.RemoveAt(1);
        else if (!rest.StartsWithListSymbol && rest.Count > 0)
        {
            // (tail (a b c)) is (list b c)
            rest.Children[0] = MacroNode.ListSymbol();
        }
        else
        {
            rest = MacroNode.EmptyList();
            rest.Children.Add(MacroNode.ListSymbol());
        }
        node.AssignKeepingPosition(rest);
        return null;
    }

    private static int ElementCount(MacroNode list) => list.StartsWithListSymbol ? list.Count - 1 : list.Count;

    private static void CheckSingleArgument(MacroNode node, string name)
    {
        if (node.Count > 2)
            throw MacroErrors.At(node, $"When expanding `{name}' inside a macro, got {node.Count - 1} arguments, expected 1");
    }
}
