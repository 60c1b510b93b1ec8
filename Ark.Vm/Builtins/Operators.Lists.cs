using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Builtins;

public static partial class Operators
{
    private static readonly Contract ListParam = Contracts.One("list", ValueKind.List);
    private static readonly Contract DstSrc = Contracts.Two("dst", ValueKind.List, "src", ValueKind.List);
    private static readonly Contract PopContract = Contracts.Two("list", ValueKind.List, "index", ValueKind.Number);

    /// <summary>The <c>LIST</c> instruction: a new list of <paramref name="items"/>, in order.</summary>
    public static Value MakeList(ReadOnlySpan<Value> items) => new(ArkList.From(items));

    /// <summary><c>(append list items...)</c>: a new list with the items added at the end.</summary>
    public static Value Append(in Value list, ReadOnlySpan<Value> items)
    {
        if (list.Obj is not ArkList source)
            throw TypeCheck.Error("append", [list], ListParam);
        var result = source.Copy(items.Length);
        result.AddRange(items);
        return new Value(result);
    }

    /// <summary><c>(concat list lists...)</c>: a new list with the elements of every list, in order.</summary>
    public static Value Concat(in Value list, ReadOnlySpan<Value> lists)
    {
        if (list.Obj is not ArkList source)
            throw TypeCheck.Error("concat", [list], ListParam);
        var result = source.Copy();
        foreach (var next in lists)
        {
            if (next.Obj is not ArkList other)
                throw TypeCheck.Error("concat", [list, next], DstSrc);
            result.AddRange(other.Items);
        }
        return new Value(result);
    }

    /// <summary><c>(pop list index)</c>: a new list without the element at index (negative counts from the end).</summary>
    public static Value Pop(in Value list, in Value index)
    {
        if (list.Obj is not ArkList source || !index.IsNumber)
            throw TypeCheck.Error("pop", [list, index], PopContract);
        var idx = CheckPopIndex("pop", source.Count, index.Num);
        var result = source.Copy();
        result.RemoveAt(idx);
        return new Value(result);
    }

    /// <summary>
    /// <c>(append! var items...)</c>: adds the items to the list held in <paramref name="slot"/>. A
    /// shared list is copied into the slot first, so no other holder sees the change.
    /// </summary>
    public static void AppendInPlace(ref Value slot, ReadOnlySpan<Value> items)
    {
        if (slot.Obj is not ArkList list)
            throw TypeCheck.Error("append!", [slot], ListParam);
        list = Writable(ref slot, list, items, items.Length);
        list.AddRange(items);
    }

    /// <summary><c>(concat! var lists...)</c>: adds the elements of every list to the list held in <paramref name="slot"/>.</summary>
    public static void ConcatInPlace(ref Value slot, ReadOnlySpan<Value> lists)
    {
        // the reference names the first check "concat" and the others "concat!"
        if (slot.Obj is not ArkList list)
            throw TypeCheck.Error("concat", [slot], ListParam);
        foreach (var next in lists)
        {
            if (next.Obj is not ArkList)
                throw TypeCheck.Error("concat!", [slot, next], DstSrc);
        }
        list = Writable(ref slot, list, lists, 0);
        foreach (var next in lists)
        {
            var other = (ArkList)next.Obj!;
            if (ReferenceEquals(other, list))
                list.AddRange(list.Items.ToArray());
            else
                list.AddRange(other.Items);
        }
    }

    /// <summary><c>(pop! var index)</c>: removes the element at index from the list held in <paramref name="slot"/>.</summary>
    public static void PopInPlace(ref Value slot, in Value index)
    {
        if (slot.Obj is not ArkList list || !index.IsNumber)
            throw TypeCheck.Error("pop!", [slot, index], PopContract);
        var idx = CheckPopIndex("pop!", list.Count, index.Num);
        list = Writable(ref slot, list, [], 0);
        list.RemoveAt(idx);
    }

    // The list to mutate for a slot: the list itself when only the slot holds it, else a private copy stored in the slot.
    private static ArkList Writable(ref Value slot, ArkList list, ReadOnlySpan<Value> incoming, int extra)
    {
        var mustCopy = list.IsShared;
        if (!mustCopy)
        {
            // adding a list to itself would make it contain itself: keep the old one as the element
            foreach (var v in incoming)
            {
                if (ReferenceEquals(v.Obj, list))
                {
                    mustCopy = true;
                    break;
                }
            }
        }
        if (!mustCopy)
            return list;
        var copy = list.Copy(extra);
        slot = new Value(copy);
        return copy;
    }

    private static int CheckPopIndex(string op, int count, double number)
    {
        var idx = Contracts.ToLong(number);
        if (idx < 0)
            idx += count;
        // the reference does not check for an index still negative here (a crash there)
        if (idx >= count || idx < 0)
            throw new ArkException(ErrorKind.Index, $"{op} index ({idx}) out of range (list size: {count})");
        return (int)idx;
    }
}
