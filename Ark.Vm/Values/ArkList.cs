using System.Runtime.CompilerServices;

namespace Ark.Vm.Values;

/// <summary>
/// An ArkScript list. Lists have value semantics, implemented with copy-on-write: once a list
/// is reachable from two places it is marked <see cref="IsShared"/> and never mutated in place
/// again; the in-place operations (<c>append!</c>, <c>concat!</c>, <c>pop!</c>) copy a shared list
/// first, so a list only one variable holds grows in amortised O(1). A shared list is also what
/// makes handing a list to another thread safe.
/// </summary>
public sealed class ArkList : ArkObject
{
    private Value[] _items;
    private int _count;
    private volatile bool _shared;

    /// <summary>Creates an empty list with room for <paramref name="capacity"/> elements.</summary>
    public ArkList(int capacity = 0) : base(ValueKind.List) =>
        _items = capacity == 0 ? NoItems : new Value[capacity];

    // our own empty array: Array.Empty<Value> is a framework generic, jitted at every start-up
    private static readonly Value[] NoItems = new Value[0];

    /// <summary>Creates a list that takes ownership of <paramref name="items"/>'s first <paramref name="count"/> elements.</summary>
    public ArkList(Value[] items, int count) : base(ValueKind.List)
    {
        _items = items;
        _count = count;
    }

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public static ArkList From(ReadOnlySpan<Value> items)
    {
        var list = new ArkList(items.Length);
        items.CopyTo(list._items);
        list._count = items.Length;
        for (var i = 0; i < items.Length; i++)
            items[i].MarkShared();
        return list;
    }

    /// <summary>The number of elements.</summary>
    public int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count;
    }

    /// <summary>The elements.</summary>
    public ReadOnlySpan<Value> Items => new(_items, 0, _count);

    /// <summary>The element at <paramref name="index"/>.</summary>
    public Value this[int index] => _items[index];

    /// <summary>True once the list may be reachable from more than one place.</summary>
    public bool IsShared => _shared;

    /// <summary>Marks the list as reachable from more than one place: it will not be mutated in place again.</summary>
    public void MarkShared() => _shared = true;

    /// <summary>A private copy of this list that can be mutated.</summary>
    public ArkList Copy(int extraCapacity = 0)
    {
        var items = new Value[Math.Max(_count + extraCapacity, 4)];
        Array.Copy(_items, items, _count);
        for (var i = 0; i < _count; i++)
            _items[i].MarkShared();
        return new ArkList(items, _count);
    }

    /// <summary>Appends an element. Only valid on a list that is not shared.</summary>
    public void Add(Value value)
    {
        if (_count == _items.Length)
            Array.Resize(ref _items, Math.Max(4, _count * 2));
        value.MarkShared();
        _items[_count++] = value;
    }

    /// <summary>Appends elements. Only valid on a list that is not shared.</summary>
    public void AddRange(ReadOnlySpan<Value> values)
    {
        if (_count + values.Length > _items.Length)
            Array.Resize(ref _items, Math.Max(_count + values.Length, _count * 2));
        for (var i = 0; i < values.Length; i++)
            values[i].MarkShared();
        values.CopyTo(_items.AsSpan(_count));
        _count += values.Length;
    }

    /// <summary>Removes the element at <paramref name="index"/>. Only valid on a list that is not shared.</summary>
    public void RemoveAt(int index)
    {
        _count--;
        if (index < _count)
            Array.Copy(_items, index + 1, _items, index, _count - index);
        _items[_count] = default;
    }

    /// <summary>Replaces the element at <paramref name="index"/>. Only valid on a list that is not shared.</summary>
    public void Set(int index, Value value)
    {
        value.MarkShared();
        _items[index] = value;
    }
}

/// <summary>Copy-on-write helpers for values.</summary>
public static class ValueSharing
{
    /// <summary>
    /// Records that a value is being stored in a second place. Lists become shared; other
    /// kinds are immutable (or handled by their own mechanism) and need nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MarkShared(this in Value value)
    {
        // the kind, not a type test: precompiled code tests types through a helper call
        if (value.Obj is { Kind: ValueKind.List } list)
            Unsafe.As<ArkList>(list).MarkShared();
    }
}
