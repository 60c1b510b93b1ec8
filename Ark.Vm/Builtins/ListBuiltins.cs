using Ark.Vm.Errors;
using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;
using static Ark.Vm.Builtins.Contracts;

namespace Ark.Vm.Builtins;

/// <summary>The <c>list:*</c> builtins. None of them modifies its argument: they return new lists.</summary>
public static class ListBuiltins
{
    private static readonly Contract ListOnly = One("list", ValueKind.List);
    private static readonly Contract FindContract = ThenAny("list", ValueKind.List, "value");
    private static readonly Contract SliceContract = new(
        new Param("list", ValueKind.List), new Param("start", ValueKind.Number), new Param("end", ValueKind.Number), new Param("step", ValueKind.Number));
    private static readonly Contract FillContract = ThenAny("size", ValueKind.Number, "value");
    private static readonly Contract SetAtContract = new(new Param("list", ValueKind.List), new Param("index", ValueKind.Number), Param.Any("value"));

    /// <summary><c>(list:reverse list)</c>: a reversed copy.</summary>
    public static Value Reverse(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.List))
            throw TypeCheck.Error("list:reverse", args, ListOnly);
        var items = args[0].AsList.Items;
        var result = new Value[items.Length];
        for (var i = 0; i < items.Length; i++)
            result[i] = items[items.Length - 1 - i];
        return new Value(ArkList.From(result));
    }

    /// <summary><c>(list:find list value)</c>: the index of the first element equal to value, or -1.</summary>
    public static Value Find(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 2 || args[0].Kind != ValueKind.List)
            throw TypeCheck.Error("list:find", args, FindContract);
        var items = args[0].AsList.Items;
        for (var i = 0; i < items.Length; i++)
        {
            if (ValueOps.Equal(items[i], args[1]))
                return new Value(i);
        }
        return new Value(-1);
    }

    /// <summary><c>(list:slice list start end step)</c>: the elements from start (included) to end (excluded).</summary>
    public static Value Slice(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 4 || args[0].Kind != ValueKind.List || !args[1].IsNumber || !args[2].IsNumber || !args[3].IsNumber)
            throw TypeCheck.Error("list:slice", args, SliceContract);
        var step = ToLong(args[3].Num);
        if (step <= 0)
            throw Runtime("list:slice: step can not be null or negative");
        var start = ToLong(args[1].Num);
        var end = ToLong(args[2].Num);
        var items = args[0].AsList.Items;
        if (start > end)
            throw Runtime($"list:slice: start position ({start}) must be less or equal to the end position ({end})");
        if (start < 0)
            throw Runtime($"list:slice: start index {start} can not be less than 0");
        if (end > items.Length)
            throw Runtime($"list:slice: end index {end} out of range (length: {items.Length})");
        var span = end - start;
        var result = new ArkList((int)(span / step + (span % step != 0 ? 1 : 0)));
        for (var i = start; i < end; i += step)
            result.Add(items[(int)i]);
        return new Value(result);
    }

    /// <summary><c>(list:sort list)</c>: a sorted copy, ordered as <c>&lt;</c> orders values.</summary>
    public static Value Sort(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.List))
            throw TypeCheck.Error("list:sort", args, ListOnly);
        var items = args[0].AsList.Items.ToArray();
        MergeSort(items, new Value[items.Length], 0, items.Length);
        return new Value(ArkList.From(items));
    }

    /// <summary><c>(list:fill count value)</c>: a list holding count times value.</summary>
    public static Value Fill(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 2 || !args[0].IsNumber)
            throw TypeCheck.Error("list:fill", args, FillContract);
        var n = args[0].Num;
        // the reference converts to an unsigned size; a negative count is undefined there, empty here
        var count = n >= 1 ? (int)Math.Min(n, Array.MaxLength) : 0;
        var result = new Value[count];
        Array.Fill(result, args[1]);
        return new Value(ArkList.From(result));
    }

    /// <summary><c>(list:setAt list index value)</c>: a copy of list whose element at index is value.</summary>
    public static Value SetAt(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 3 || args[0].Kind != ValueKind.List || !args[1].IsNumber)
            throw TypeCheck.Error("list:setAt", args, SetAtContract);
        var list = args[0].AsList;
        var index = ToLong(args[1].Num);
        // the reference does not check the index (out of range is a crash there)
        if (index < 0 || index >= list.Count)
            throw new ArkException(ErrorKind.Index, $"list:setAt: index {index} out of range (length: {list.Count})");
        var copy = list.Copy();
        copy.Set((int)index, args[2]);
        return new Value(copy);
    }

    private static void MergeSort(Value[] items, Value[] scratch, int from, int to)
    {
        if (to - from < 2)
            return;
        if (to - from <= 12)
        {
            for (var i = from + 1; i < to; i++)
            {
                var v = items[i];
                var j = i - 1;
                while (j >= from && ValueOps.Less(v, items[j]))
                {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = v;
            }
            return;
        }
        var mid = (from + to) / 2;
        MergeSort(items, scratch, from, mid);
        MergeSort(items, scratch, mid, to);
        Array.Copy(items, from, scratch, from, to - from);
        int a = from, b = mid, k = from;
        while (a < mid && b < to)
            items[k++] = ValueOps.Less(scratch[b], scratch[a]) ? scratch[b++] : scratch[a++];
        while (a < mid)
            items[k++] = scratch[a++];
        while (b < to)
            items[k++] = scratch[b++];
    }
}
