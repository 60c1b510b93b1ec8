using Ark.Vm.Bytecode;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// What one thread of execution owns: its value stack, call frames and view of the globals.
/// Native functions receive the calling context to reach the host and to call back into
/// ArkScript. A context is used by one thread at a time.
/// </summary>
public sealed partial class ExecutionContext
{
    /// <summary>The value stack limit of the reference, which bounds recursion depth the same way.</summary>
    internal const int MaxStackDepth = 8192;

    private readonly CompiledProgram _program;
    private readonly int[] _code;
    private readonly Value[] _builtins;
    private Value[] _stack;
    private Frame[] _frames;
    private int _frameCount;
    private int _sp;
    private int _localsTotal;
    private int _ip;

    /// <summary>
    /// The frame count at which the running loop returns: 0 for the top level, deeper for a
    /// call from native code. A field rather than a parameter of the loop, which reads it
    /// only when a frame is popped the slow way, so that it does not hold a register there.
    /// </summary>
    private int _stopDepth;

    /// <summary>
    /// Where the last variable read happened (an instruction offset, -1 before any): the
    /// reference names the callee in call errors after the last symbol it loaded, whatever
    /// the call's head was. See <see cref="LastLoadedSymbol"/>.
    /// </summary>
    private unsafe int* _lastLoad;

    /// <summary><see cref="_lastLoad"/> as an offset into the code, -1 before any read.</summary>
    private unsafe int LastLoadIp
    {
        get => _lastLoad == null ? -1 : (int)(_lastLoad - _codeStart);
        set => _lastLoad = value < 0 ? null : _codeStart + value;
    }

    private readonly unsafe int* _codeStart;
    private readonly Value[] _constants;

    /// <summary>
    /// <see cref="Atom.UnboundAtom"/>, read from this context in the dispatch loop: precompiled
    /// code reads a static field through a helper call.
    /// </summary>
    private readonly ArkObject _unbound = Atom.UnboundAtom;

    private int[] _dynamicBindings;

    /// <summary>Creates the main context of <paramref name="vm"/>.</summary>
    internal ExecutionContext(VirtualMachine vm) : this(vm, null) { }

    private ExecutionContext(VirtualMachine vm, Value[]? globals)
    {
        Vm = vm;
        _program = vm.Program;
        _code = _program.Code;
        _constants = _program.Constants;
        unsafe
        {
            _codeStart = _program.CodeStart;
        }
        _builtins = vm.Builtins;
        // a future's context starts small: many are alive at once and most make shallow calls;
        // both arrays grow on demand
        _stack = new Value[globals is null ? 64 : 8];
        _frames = new Frame[globals is null ? 8 : 2];
        if (globals is null)
        {
            globals = new Value[_program.Symbols.Length];
            // a loop, not Array.Fill: that generic over Value would be jitted at every start-up
            for (var i = 0; i < globals.Length; i++)
                globals[i] = Value.Unbound;
        }
        _globals = globals;
        // most contexts never bind a name that functions read freely: share zeros until one does
        _dynamicBindings = _program.NoBindings;
    }

    private const string NestingTooDeep = "Maximum nesting depth exceeded: a value is nested too deeply to be printed or compared";

    /// <summary>Creates a context for native code that runs outside any program (tests, embedding).</summary>
    public ExecutionContext(ArkHost host) : this(new VirtualMachine(EmptyProgram(), host)) { }

    /// <summary>The VM this context runs on.</summary>
    public VirtualMachine Vm { get; }

    /// <summary>The outside world: output, input, arguments.</summary>
    public ArkHost Host => Vm.Host;

    /// <summary>Calls an ArkScript function, closure or native function with <paramref name="args"/> and returns its result.</summary>
    public Value Call(Value function, ReadOnlySpan<Value> args)
    {
        // a call from a host's thread rings that thread's breaker; one from a native function
        // runs on the thread the context already runs on
        if (_nesting == 0 && _thread is null)
        {
            _breaker = Concurrency.Breaker.Current;
            _breaker.Enter(this);
        }
        _nesting++;
        try
        {
            return CallNested(function, args);
        }
        finally
        {
            _nesting--;
        }
    }

    private Value CallNested(Value function, ReadOnlySpan<Value> args)
    {
        // a blocking native called back from native code still lets its worker's place go
        if (function.Obj is NativeFunction native)
            return CallNative(native, args);
        EnsureStack(args.Length + 1);
        foreach (var arg in args)
            _stack[_sp++] = arg;
        _stack[_sp++] = function;
        var depth = _frameCount;
        var savedIp = _ip;
        // a call from native code has no call instruction of its own
        if (!EnterCall(function, args.Length, -1, _ip, callIp: -1))
            return _stack[--_sp];
        var savedStopDepth = _stopDepth;
        _stopDepth = depth;
        try
        {
            var result = Execute();
            _ip = savedIp;
            return result;
        }
        finally
        {
            _stopDepth = savedStopDepth;
        }
    }

    /// <summary>
    /// What an exception escaping the bytecode is to the script: an ArkScript error as it is;
    /// a value nested too deeply to print or compare as a VMError; any other .NET exception (a
    /// bug in a builtin) as an internal VMError, so that it gets a location and a call stack
    /// rather than crashing ark. Null for what must pass through: exits, the failure of a
    /// nested run that already has its report, running out of memory.
    /// </summary>
    private static ArkException? AsScriptError(Exception e) => e switch
    {
        ArkException error => error,
        InsufficientExecutionStackException => new ArkException(ErrorKind.VM, NestingTooDeep),
        ArkExitException or ArkRuntimeError or OutOfMemoryException => null,
        _ => new ArkException(ErrorKind.VM, $"internal error: {e.GetType().Name}: {e.Message}"),
    };

    private void EnsureStack(int needed)
    {
        if (_sp + needed <= _stack.Length)
            return;
        var size = _stack.Length;
        while (size < _sp + needed)
            size *= 2;
        Array.Resize(ref _stack, size);
    }

    private static CompiledProgram EmptyProgram()
    {
        var main = new FunctionProto(0, 0, 0) { MaxStack = 1 };
        return new CompiledProgram([Instruction.Make(OpCode.Halt)], [], [], [], [], [main], new SourceMap(["<native>"], [0], [0], [0]));
    }

    private static ArkException Error(ErrorKind kind, string message) => new(kind, message);
}
