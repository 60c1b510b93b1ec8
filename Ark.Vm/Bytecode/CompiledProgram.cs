using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ark.Vm.Values;

namespace Ark.Vm.Bytecode;

/// <summary>
/// A compiled program: code, constants, symbols and functions. Immutable once built, and
/// shared without locks by every execution context that runs it.
/// </summary>
public sealed class CompiledProgram
{
    /// <summary>Assembles a program; the compiler and the bytecode reader are the only callers.</summary>
    public CompiledProgram(
        int[] code,
        Value[] constants,
        string[] symbols,
        bool[] dynamicSymbols,
        bool[] globalsReadByFunctions,
        FunctionProto[] functions,
        SourceMap sourceMap)
    {
        // on the pinned heap, so that the dispatch loop can walk it with a pointer
        Code = GC.AllocateUninitializedArray<int>(code.Length, pinned: true);
        Array.Copy(code, Code, code.Length);
        Constants = constants;
        Symbols = symbols;
        DynamicSymbols = dynamicSymbols;
        GlobalsReadByFunctions = globalsReadByFunctions;
        Functions = functions;
        SourceMap = sourceMap;
    }

    /// <summary>All instructions; each function starts at its <see cref="FunctionProto.EntryIp"/>.</summary>
    public int[] Code { get; }

    /// <summary>The address of <see cref="Code"/>'s first instruction; the array never moves.</summary>
    internal unsafe int* CodeStart => (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Code));

    /// <summary>Numbers, strings and functions referenced by <see cref="OpCode.LoadConst"/>.</summary>
    public Value[] Constants { get; }

    /// <summary>Every name used in the program, indexed by symbol id.</summary>
    public string[] Symbols { get; }

    /// <summary>
    /// For each symbol, whether some code reads it as a free variable; only the locals with
    /// such names need to be visible to callees.
    /// </summary>
    public bool[] DynamicSymbols { get; }

    /// <summary>
    /// For each symbol, whether function code may read its global binding: free variables, and
    /// locals that may be used before being bound. Top-level code never runs in a future, so a
    /// future can only observe these globals; the others may change in place after an async.
    /// </summary>
    public bool[] GlobalsReadByFunctions { get; }

    /// <summary>The ids of the symbols in <see cref="GlobalsReadByFunctions"/>.</summary>
    public int[] ReadableGlobals => _readableGlobals ??= [.. Enumerable.Range(0, GlobalsReadByFunctions.Length).Where(i => GlobalsReadByFunctions[i])];

    private int[]? _readableGlobals;

    /// <summary>A count of zero bindings per symbol, shared by contexts until they bind one (never written).</summary>
    internal int[] NoBindings => _noBindings ??= new int[Symbols.Length];

    private int[]? _noBindings;

    /// <summary>The functions, in page order; page 0 is the top-level code.</summary>
    public FunctionProto[] Functions { get; }

    /// <summary>The top-level code.</summary>
    public FunctionProto Main => Functions[0];

    /// <summary>Where each instruction came from in the source.</summary>
    public SourceMap SourceMap { get; }
}

/// <summary>Maps instruction offsets to source positions, for error messages.</summary>
public sealed class SourceMap
{
    /// <summary>Creates a map from per-instruction file ids and lines.</summary>
    public SourceMap(string[] files, int[] fileIds, int[] lines, int[] columns)
    {
        Files = files;
        FileIds = fileIds;
        Lines = lines;
        Columns = columns;
    }

    /// <summary>The source files, by id.</summary>
    public string[] Files { get; }

    /// <summary>The file id of each instruction.</summary>
    public int[] FileIds { get; }

    /// <summary>The 0-based line of each instruction.</summary>
    public int[] Lines { get; }

    /// <summary>The 0-based column of each instruction.</summary>
    public int[] Columns { get; }

    /// <summary>
    /// The source line of the instruction at <paramref name="ip"/> as <c>file:line</c> (1-based).
    /// Columns are kept for tools but not shown: they follow the reference's node positions,
    /// which often point past the start of an expression.
    /// </summary>
    public string Describe(int ip)
    {
        if (ip < 0 || ip >= Lines.Length)
            return "<unknown>";
        return $"{Files[FileIds[ip]]}:{Lines[ip] + 1}";
    }
}
