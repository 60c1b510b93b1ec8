namespace Ark.Vm.Values;

/// <summary>
/// A function compiled from ArkScript: its entry point, parameters and local slots. The proto
/// is itself the <c>Function</c> value, so loading a function constant never allocates.
/// </summary>
public sealed class FunctionProto : ArkObject
{
    /// <summary>Creates a function prototype.</summary>
    public FunctionProto(int page, int arity, int localCount) : base(ValueKind.Function)
    {
        Page = page;
        Arity = arity;
        LocalCount = localCount;
        FrameSize = localCount;
        PlainArity = arity;
    }

    /// <summary>The page number, as the reference numbers functions (printed as <c>Function @ N</c>).</summary>
    public int Page { get; }

    /// <summary>The number of parameters.</summary>
    public int Arity { get; }

    /// <summary>The number of local slots, parameters included.</summary>
    public int LocalCount { get; }

    /// <summary>The offset of the first instruction in the program's code.</summary>
    public int EntryIp { get; set; }

    /// <summary>The deepest the operand stack gets above the locals while this function runs.</summary>
    public int MaxStack
    {
        get => _maxStack;
        set
        {
            _maxStack = value;
            FrameSize = LocalCount + value;
        }
    }

    /// <summary>The value-stack room a call needs: its locals plus its deepest operand stack.</summary>
    internal int FrameSize { get; private set; }

    private int _maxStack;

    /// <summary>The symbol id bound to each local slot.</summary>
    public int[] SlotSymbols { get; set; } = [];

    /// <summary>
    /// The slots whose names some function reads as a free variable: ArkScript resolves free
    /// variables through the callers' scopes, so these locals are visible to callees.
    /// </summary>
    public int[] DynamicSlots
    {
        get => _dynamicSlots;
        set
        {
            _dynamicSlots = value;
            PlainArity = value.Length == 0 ? Arity : -1;
        }
    }

    private int[] _dynamicSlots = [];

    /// <summary>
    /// <see cref="Arity"/> when no local is visible to callees, else -1: the loop's inline call
    /// and return need both facts and read them in one load.
    /// </summary>
    internal int PlainArity { get; private set; }

    /// <summary>The symbol ids this function captures, in capture order, when it is a closure body.</summary>
    public int[] Captures { get; set; } = [];

    /// <summary>The names of <see cref="Captures"/>, for printing closures.</summary>
    public string[] CaptureNames { get; set; } = [];

    /// <summary>The name the function was first bound to, for messages; null when anonymous.</summary>
    public string? Name { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"Function @ {Page}";
}
