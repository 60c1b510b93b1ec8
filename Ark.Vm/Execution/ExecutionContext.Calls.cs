using Ark.Vm.Bytecode;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>Entering and leaving calls. Frames live in the context: an ArkScript call never recurses on the .NET stack.</summary>
public sealed partial class ExecutionContext
{
    /// <summary>
    /// Calls the callee on top of the stack with the <paramref name="argc"/> arguments below it.
    /// Returns true when a frame was pushed (execution continues at the callee's entry, in
    /// <see cref="_ip"/>); false when a native function ran and its result is on the stack.
    /// </summary>
    private bool EnterCall(Value callee, int argc, int nameSymbol, int returnIp, int callIp)
    {
        if (nameSymbol < 0)
            nameSymbol = LastLoadedSymbol();
        _sp--;
        switch (callee.Obj)
        {
            case FunctionProto proto:
                PushFrame(proto, null, argc, nameSymbol, returnIp, callIp);
                return true;
            case Closure closure:
                PushFrame(closure.Proto, closure.Env, argc, nameSymbol, returnIp, callIp);
                return true;
            case NativeFunction native:
                var result = CallNative(native, new ReadOnlySpan<Value>(_stack, _sp - argc, argc));
                _sp -= argc;
                _stack[_sp++] = result;
                return false;
            default:
                throw NotCallable(callee, nameSymbol);
        }
    }

    private ArkException NotCallable(Value callee, int nameSymbol)
    {
        var type = callee.Kind.TypeName();
        return nameSymbol >= 0
            ? Error(ErrorKind.Type, $"`{SymbolName(nameSymbol)}' is not a Function but a {type}")
            : Error(ErrorKind.Type, $"{ValueFormatter.Format(callee)} is not a Function but a {type}");
    }

    private void PushFrame(FunctionProto proto, ClosureEnv? env, int argc, int nameSymbol, int returnIp, int callIp)
    {
        // the reference's stack holds two words per frame plus the temporaries; bounding the
        // same quantity by the same limit makes recursion fail at the same depth
        if (_sp + 1 - _localsTotal + 2 * _frameCount >= _depthLimit)
        {
            // a call is a safepoint: an interrupt lowers the limit so that calls come here
            if (_depthLimit < 0)
                Safepoint();
            if (_sp + 1 - _localsTotal + 2 * _frameCount >= MaxStackDepth)
                throw Error(ErrorKind.VM, $"Maximum recursion depth exceeded. You could consider rewriting your function `{SymbolName(nameSymbol)}' to make use of tail-call optimization.");
        }

        var fp = _sp - argc;
        for (var i = fp; i < _sp; i++)
            _stack[i].MarkShared();
        var locals = proto.LocalCount;
        EnsureStack(locals - argc + proto.MaxStack);
        // the reference checks the arity once the callee's frame exists, so its stack trace
        // shows the callee, with none of its parameters bound
        var arityMismatch = argc != proto.Arity;
        for (var i = arityMismatch ? fp : fp + argc; i < fp + locals; i++)
            _stack[i] = Value.Unbound;
        _sp = fp + locals;
        _localsTotal += locals;

        if (_frameCount == _frames.Length)
            Array.Resize(ref _frames, _frameCount * 2);
        _frames[_frameCount++] = new Frame
        {
            Proto = proto,
            Fp = fp,
            ReturnIp = returnIp,
            CallIp = callIp,
            Env = env is null ? null : Readable(env),
            NameSymbol = nameSymbol,
        };
        if (proto.DynamicSlots.Length != 0 || env is not null)
            BindVisibleNames(proto, env, 1);
        if (arityMismatch)
            throw ArityError(proto, nameSymbol, argc);
        _ip = proto.EntryIp;
    }

    /// <summary>Pops the current frame, leaving <paramref name="result"/> where its arguments were.</summary>
    private void PopFrame(Value result)
    {
        ref var frame = ref _frames[--_frameCount];
        if (frame.Proto.DynamicSlots.Length != 0 || frame.Env is not null)
            BindVisibleNames(frame.Proto, frame.Env, -1);
        _localsTotal -= frame.Proto.LocalCount;
        _sp = frame.Fp;
        _stack[_sp++] = result;
        _ip = frame.ReturnIp;
        frame.Env = null;
    }

    private ArkException ArityError(FunctionProto proto, int nameSymbol, int argc) =>
        nameSymbol >= 0
            ? Error(ErrorKind.Arity, $"Function `{SymbolName(nameSymbol)}' needs {proto.Arity} arguments, but it received {argc}")
            : Error(ErrorKind.Arity, $"Function at page {proto.Page} needs {proto.Arity} arguments, but it received {argc}");

    /// <summary>
    /// The symbol of the last variable read, or -1. The reference keeps it while running and
    /// names the function in call errors after it; a call's head is evaluated after its
    /// arguments, so for a named callee it is the callee's own name, and otherwise whatever
    /// was read last (e.g. inside the function that returned the callee).
    /// </summary>
    private int LastLoadedSymbol()
    {
        var ip = LastLoadIp;
        if (ip < 0)
            return -1;
        var word = _code[ip];
        var operand = Instruction.Operand(word);
        switch (Instruction.Op(word))
        {
            case OpCode.LoadGlobal:
            case OpCode.LoadDyn:
            case OpCode.CallDyn:
            case OpCode.CallGlobal:
            case OpCode.IncrementGlobal:
            case OpCode.DecrementGlobal:
                return operand;
            case OpCode.LoadLocal:
            case OpCode.IncrementLocal:
            case OpCode.DecrementLocal:
            case OpCode.LocalAddConst:
            case OpCode.LocalSubConst:
            case OpCode.LocalIncrement:
            case OpCode.LocalDecrement:
                return FunctionAt(ip).SlotSymbols[operand];
            case >= OpCode.LocalLtConstJump and <= OpCode.LocalNeqConstJump:
                return FunctionAt(ip).SlotSymbols[_code[ip + 2]];
            case OpCode.LoadEnv:
                return FunctionAt(ip).Captures[operand];
            case OpCode.TailCall:
                return FunctionAt(ip).SlotSymbols[_code[ip + 1]];
            case OpCode.AppendInPlace:
            case OpCode.ConcatInPlace:
            case OpCode.PopInPlace:
                {
                    var varRef = _code[ip + 1];
                    var index = VarRef.Index(varRef);
                    return VarRef.Kind(varRef) switch
                    {
                        VarRefKind.Local => FunctionAt(ip).SlotSymbols[index],
                        VarRefKind.Env => FunctionAt(ip).Captures[index],
                        _ => index,
                    };
                }
            default:
                return -1;
        }
    }

    /// <summary>The function whose code holds the instruction at <paramref name="ip"/>.</summary>
    private FunctionProto FunctionAt(int ip)
    {
        var byEntry = _functionsByEntry ??= [.. _program.Functions.OrderBy(f => f.EntryIp)];
        int lo = 0, hi = byEntry.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (byEntry[mid].EntryIp <= ip)
                lo = mid;
            else
                hi = mid - 1;
        }
        return byEntry[lo];
    }

    private FunctionProto[]? _functionsByEntry;
}
