using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ark.Vm.Builtins;
using Ark.Vm.Concurrency;
using Ark.Vm.Bytecode;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// The dispatch loop. Only the instructions that dominate running time are handled here, with
/// the instruction pointer, stack pointer and frame base in locals; the others go to
/// <see cref="ExecuteRare"/>. Keeping this method small matters: the JIT only keeps a limited
/// number of locals in registers per method, and a loop that handles everything inline
/// loses that for all of them.
/// </summary>
public sealed partial class ExecutionContext
{
    /// <summary>
    /// Runs from <see cref="_ip"/> until the frame count drops to <see cref="_stopDepth"/>
    /// (a call made from native code returned; its result is returned and popped) or the
    /// program halts.
    /// </summary>
    private unsafe Value Execute()
    {
        // Only the five values every instruction uses live in locals, so that they all get
        // registers; the rest is read from fields where needed. The code is on the pinned
        // heap and walked by a plain pointer: no bounds checks, and jumps are checked when
        // bytecode is loaded (the compiler only emits jumps inside the function).
        ref var bottom = ref MemoryMarshal.GetArrayDataReference(_stack);
        var ip = _codeStart + _ip;
        var sp = _sp;
        var fp = _frames[_frameCount - 1].Fp;

        while (true)
        {
            var word = *ip;
            var operand = (int)((uint)word >> 8);
            var op = (OpCode)(byte)word;
            ip++;
            switch (op)
            {
                case OpCode.LoadConst:
                    Store(ref Slot(ref bottom, sp++), _constants[operand]);
                    break;

                case OpCode.LoadLocal:
                    {
                        _lastLoad = ip - 1;
                        ref var v = ref Slot(ref bottom, fp + operand);
                        if (ReferenceEquals(v.Obj, _unbound))
                            goto default;
                        Store(ref Slot(ref bottom, sp++), v);
                        break;
                    }

                case OpCode.LoadDyn:
                    {
                        _lastLoad = ip - 1;
                        if (_dynamicBindings[operand] != 0)
                            goto default;
                        ref var g = ref _globals[operand];
                        if (ReferenceEquals(g.Obj, _unbound))
                            goto default;
                        Store(ref Slot(ref bottom, sp++), g);
                        break;
                    }

                case OpCode.LoadGlobal:
                    {
                        _lastLoad = ip - 1;
                        ref var g = ref _globals[operand];
                        if (ReferenceEquals(g.Obj, _unbound))
                            goto default;
                        Store(ref Slot(ref bottom, sp++), g);
                        break;
                    }

                case OpCode.LoadBuiltin:
                    Slot(ref bottom, sp++) = _builtins[operand];
                    break;

                case OpCode.StoreLocal:
                    {
                        ref var v = ref Slot(ref bottom, --sp);
                        if ((operand & Instruction.FreshStore) == 0)
                            v.MarkShared();
                        Store(ref Slot(ref bottom, fp + (operand & ~Instruction.FreshStore)), v);
                        break;
                    }

                case OpCode.StoreGlobal:
                    {
                        if (_globalsShared)
                            goto default;
                        ref var v = ref Slot(ref bottom, --sp);
                        if ((operand & Instruction.FreshStore) == 0)
                            v.MarkShared();
                        Store(ref _globals[operand & ~Instruction.FreshStore], v);
                        break;
                    }

                case OpCode.SetLocal:
                    {
                        if (ReferenceEquals(Slot(ref bottom, fp + operand).Obj, _unbound))
                            goto default;
                        ref var v = ref Slot(ref bottom, --sp);
                        v.MarkShared();
                        Store(ref Slot(ref bottom, fp + operand), v);
                        break;
                    }

                case OpCode.SetGlobal:
                    {
                        if (_globalsShared || ReferenceEquals(_globals[operand].Obj, _unbound))
                            goto default;
                        ref var v = ref Slot(ref bottom, --sp);
                        v.MarkShared();
                        Store(ref _globals[operand], v);
                        break;
                    }

                case OpCode.Pop:
                    sp--;
                    break;

                case OpCode.Jump:
                    // a backward jump is a safepoint: an interrupt sends every jump to the slow
                    // path, which runs the safepoint (a block of its own here costs loops 8%)
                    if (_depthLimit < 0)
                        goto default;
                    ip = _codeStart + operand;
                    break;

                case OpCode.JumpIfFalse:
                    if (!Slot(ref bottom, --sp).IsTruthy)
                        ip = _codeStart + operand;
                    break;

                case OpCode.JumpIfTrue:
                    if (Slot(ref bottom, --sp).IsTruthy)
                        ip = _codeStart + operand;
                    break;

                case OpCode.LtJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 2);
                        ref var b = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null || b.Obj is not null)
                            goto default;
                        sp -= 2;
                        if (!(a.Num < b.Num))
                            ip = _codeStart + operand;
                        break;
                    }

                case OpCode.LtConstJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        sp--;
                        ip = a.Num < _constants[*ip].Num ? ip + 1 : _codeStart + operand;
                        break;
                    }

                case OpCode.GtConstJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        sp--;
                        // the reference's a > b is (a != b and not a < b), true for NaN
                        var b = _constants[*ip].Num;
                        ip = a.Num != b && !(a.Num < b) ? ip + 1 : _codeStart + operand;
                        break;
                    }

                case OpCode.LeConstJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        sp--;
                        ip = a.Num <= _constants[*ip].Num ? ip + 1 : _codeStart + operand;
                        break;
                    }

                case OpCode.GeConstJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        sp--;
                        ip = !(a.Num < _constants[*ip].Num) ? ip + 1 : _codeStart + operand;
                        break;
                    }

                case OpCode.EqConstJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        sp--;
                        ip = a.Num == _constants[*ip].Num ? ip + 1 : _codeStart + operand;
                        break;
                    }

                case OpCode.NeqConstJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        sp--;
                        ip = a.Num != _constants[*ip].Num ? ip + 1 : _codeStart + operand;
                        break;
                    }

                case OpCode.IncrementLocal:
                case OpCode.DecrementLocal:
                    {
                        _lastLoad = ip - 1;
                        ref var v = ref Slot(ref bottom, fp + operand);
                        if (v.Obj is not null)
                            goto default;
                        v = new Value(op == OpCode.IncrementLocal ? v.Num + 1 : v.Num - 1);
                        break;
                    }

                case OpCode.IncrementGlobal:
                case OpCode.DecrementGlobal:
                    {
                        _lastLoad = ip - 1;
                        ref var v = ref _globals[operand];
                        if (v.Obj is not null || _globalsShared)
                            goto default;
                        v = new Value(op == OpCode.IncrementGlobal ? v.Num + 1 : v.Num - 1);
                        break;
                    }

                case OpCode.AddConst:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        a = new Value(a.Num + _constants[operand].Num);
                        break;
                    }

                case OpCode.SubConst:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        a = new Value(a.Num - _constants[operand].Num);
                        break;
                    }

                case OpCode.MulConst:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        a = new Value(a.Num * _constants[operand].Num);
                        break;
                    }

                case OpCode.EqJump:
                    {
                        ref var a = ref Slot(ref bottom, sp - 2);
                        ref var b = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null || b.Obj is not null)
                            goto default;
                        sp -= 2;
                        if (a.Num != b.Num)
                            ip = _codeStart + operand;
                        break;
                    }

                case OpCode.Add:
                    {
                        ref var a = ref Slot(ref bottom, sp - 2);
                        ref var b = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null || b.Obj is not null)
                            goto default;
                        a = new Value(a.Num + b.Num);
                        sp--;
                        break;
                    }

                case OpCode.Sub:
                    {
                        ref var a = ref Slot(ref bottom, sp - 2);
                        ref var b = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null || b.Obj is not null)
                            goto default;
                        a = new Value(a.Num - b.Num);
                        sp--;
                        break;
                    }

                case OpCode.Div:
                    {
                        ref var a = ref Slot(ref bottom, sp - 2);
                        ref var b = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null || b.Obj is not null || b.Num == 0)
                            goto default;
                        a = new Value(a.Num / b.Num);
                        sp--;
                        break;
                    }

                case OpCode.Mod:
                    {
                        ref var a = ref Slot(ref bottom, sp - 2);
                        ref var b = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null || b.Obj is not null)
                            goto default;
                        // C#'s remainder on doubles truncates like C's fmod, which the reference uses
                        a = new Value(a.Num % b.Num);
                        sp--;
                        break;
                    }

                case OpCode.Mul:
                    {
                        ref var a = ref Slot(ref bottom, sp - 2);
                        ref var b = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null || b.Obj is not null)
                            goto default;
                        a = new Value(a.Num * b.Num);
                        sp--;
                        break;
                    }

                case OpCode.Increment:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        a = new Value(a.Num + 1);
                        break;
                    }

                case OpCode.Decrement:
                    {
                        ref var a = ref Slot(ref bottom, sp - 1);
                        if (a.Obj is not null)
                            goto default;
                        a = new Value(a.Num - 1);
                        break;
                    }

                case OpCode.Call:
                    {
                        // the common case inline; a call with no name is named at run time, by EnterCall
                        if (Slot(ref bottom, sp - 1).Obj is { Kind: ValueKind.Function } callee && Unsafe.As<FunctionProto>(callee) is var proto
                            && *ip >= 0 && CanEnterInline(proto, operand, sp))
                        {
                            var newFp = sp - 1 - operand;
                            EnterInline(ref bottom, proto, newFp, operand, OffsetOf(ip) - 1, *ip);
                            sp = newFp + proto.LocalCount;
                            fp = newFp;
                            ip = _codeStart + proto.EntryIp;
                            break;
                        }
                        var callAt = OffsetOf(ip);
                        _ip = callAt - 1;
                        _sp = sp;
                        if (EnterCall(Slot(ref bottom, sp - 1), operand, *ip, callAt + 1, callAt - 1))
                        {
                            ip = _codeStart + _ip;
                            fp = _frames[_frameCount - 1].Fp;
                        }
                        else
                            ip++;
                        bottom = ref MemoryMarshal.GetArrayDataReference(_stack);
                        sp = _sp;
                        if (_suspended)
                        {
                            _ip = OffsetOf(ip);
                            return default;
                        }
                        break;
                    }

                case OpCode.CallDyn:
                case OpCode.CallGlobal:
                    {
                        // the inline case of Call, with the callee read from its variable
                        // instead of the stack; anything else replays the load and the call
                        _lastLoad = ip - 1;
                        var argc = *ip;
                        // counted as if the callee were on the stack, as Call's is
                        if ((op == OpCode.CallGlobal || _dynamicBindings[operand] == 0)
                            && _globals[operand].Obj is { Kind: ValueKind.Function } named && Unsafe.As<FunctionProto>(named) is var callee
                            && CanEnterInline(callee, argc, sp + 1))
                        {
                            var newFp = sp - argc;
                            EnterInline(ref bottom, callee, newFp, argc, OffsetOf(ip) - 1, operand);
                            sp = newFp + callee.LocalCount;
                            fp = newFp;
                            ip = _codeStart + callee.EntryIp;
                            break;
                        }
                        goto default;
                    }

                case OpCode.CallBuiltin:
                    {
                        var argc = *ip++;
                        _ip = OffsetOf(ip) - 2;
                        _sp = sp;
                        var native = Unsafe.As<NativeFunction>(_builtins[operand].Obj!);
                        var result = CallNative(native, MemoryMarshal.CreateReadOnlySpan(ref Slot(ref bottom, sp - argc), argc));
                        bottom = ref MemoryMarshal.GetArrayDataReference(_stack);
                        sp -= argc;
                        Slot(ref bottom, sp++) = result;
                        // the native parked the context: it goes on after the call when it resumes
                        if (_suspended)
                        {
                            _ip = OffsetOf(ip);
                            _sp = sp;
                            return default;
                        }
                        break;
                    }

                case OpCode.TailCall:
                    {
                        // a tail call loops back like a backward jump, so it is a safepoint too: an
                        // interrupt sends it to the slow path (a check of its own here costs fib's
                        // calls 3% through the registers the loop then gets)
                        var proto = _frames[_frameCount - 1].Proto;
                        if (operand != proto.Arity || _depthLimit < 0)
                            goto default;
                        // Arguments were pushed last to first, so the first is on top. An argument
                        // that is one of the function's own variables is read only when its parameter
                        // is rebound, after the parameters before it: the reference passes such
                        // arguments by reference, and programs see the difference.
                        if (operand > 0 && *ip >= 0)
                            _lastLoad = ip - 1; // the first argument, read last, names a variable
                        var top = sp - 1;
                        for (var i = 0; i < operand; i++)
                        {
                            var source = ip[i];
                            var v = source < 0 ? Slot(ref bottom, top--) : Slot(ref bottom, fp + source);
                            v.MarkShared();
                            Store(ref Slot(ref bottom, fp + i), v);
                        }
                        sp = fp + proto.LocalCount;
                        ip = _codeStart + proto.EntryIp;
                        break;
                    }

                case OpCode.Ret:
                    {
                        ref var frame = ref _frames[_frameCount - 1];
                        if (frame.Env is null && frame.Proto.PlainArity >= 0 && frame.CallIp >= 0)
                        {
                            ref var result = ref Slot(ref bottom, sp - 1);
                            _localsTotal -= frame.Proto.LocalCount;
                            sp = frame.Fp;
                            Store(ref Slot(ref bottom, sp++), result);
                            ip = _codeStart + frame.ReturnIp;
                            _frameCount--;
                            fp = _frames[_frameCount - 1].Fp;
                            break;
                        }
                        PopFrame(Slot(ref bottom, sp - 1));
                        if (_frameCount == _stopDepth)
                        {
                            _sp--;
                            return _stack[_sp];
                        }
                        ip = _codeStart + _ip;
                        sp = _sp;
                        fp = _frames[_frameCount - 1].Fp;
                        break;
                    }

                case OpCode.LocalAddConst:
                    {
                        _lastLoad = ip - 1;
                        ref var v = ref Slot(ref bottom, fp + operand);
                        if (v.Obj is not null)
                            goto default;
                        Slot(ref bottom, sp++) = new Value(v.Num + _constants[*ip++].Num);
                        break;
                    }

                case OpCode.LocalSubConst:
                    {
                        _lastLoad = ip - 1;
                        ref var v = ref Slot(ref bottom, fp + operand);
                        if (v.Obj is not null)
                            goto default;
                        Slot(ref bottom, sp++) = new Value(v.Num - _constants[*ip++].Num);
                        break;
                    }

                case OpCode.LocalIncrement:
                    {
                        _lastLoad = ip - 1;
                        ref var v = ref Slot(ref bottom, fp + operand);
                        if (v.Obj is not null)
                            goto default;
                        Slot(ref bottom, sp++) = new Value(v.Num + 1);
                        ip++;
                        break;
                    }

                case OpCode.LocalDecrement:
                    {
                        _lastLoad = ip - 1;
                        ref var v = ref Slot(ref bottom, fp + operand);
                        if (v.Obj is not null)
                            goto default;
                        Slot(ref bottom, sp++) = new Value(v.Num - 1);
                        ip++;
                        break;
                    }

                // the local-and-constant jumps: the next words are the constant and the slot
                case OpCode.LocalLtConstJump:
                    {
                        _lastLoad = ip - 1;
                        ref var a = ref Slot(ref bottom, fp + ip[1]);
                        if (a.Obj is not null)
                            goto default;
                        ip = a.Num < _constants[*ip].Num ? ip + 2 : _codeStart + operand;
                        break;
                    }

                case OpCode.LocalGtConstJump:
                    {
                        _lastLoad = ip - 1;
                        ref var a = ref Slot(ref bottom, fp + ip[1]);
                        if (a.Obj is not null)
                            goto default;
                        // the reference's a > b is (a != b and not a < b), true for NaN
                        var b = _constants[*ip].Num;
                        ip = a.Num != b && !(a.Num < b) ? ip + 2 : _codeStart + operand;
                        break;
                    }

                case OpCode.LocalLeConstJump:
                    {
                        _lastLoad = ip - 1;
                        ref var a = ref Slot(ref bottom, fp + ip[1]);
                        if (a.Obj is not null)
                            goto default;
                        ip = a.Num <= _constants[*ip].Num ? ip + 2 : _codeStart + operand;
                        break;
                    }

                case OpCode.LocalGeConstJump:
                    {
                        _lastLoad = ip - 1;
                        ref var a = ref Slot(ref bottom, fp + ip[1]);
                        if (a.Obj is not null)
                            goto default;
                        ip = !(a.Num < _constants[*ip].Num) ? ip + 2 : _codeStart + operand;
                        break;
                    }

                case OpCode.LocalEqConstJump:
                    {
                        _lastLoad = ip - 1;
                        ref var a = ref Slot(ref bottom, fp + ip[1]);
                        if (a.Obj is not null)
                            goto default;
                        ip = a.Num == _constants[*ip].Num ? ip + 2 : _codeStart + operand;
                        break;
                    }

                case OpCode.LocalNeqConstJump:
                    {
                        _lastLoad = ip - 1;
                        ref var a = ref Slot(ref bottom, fp + ip[1]);
                        if (a.Obj is not null)
                            goto default;
                        ip = a.Num != _constants[*ip].Num ? ip + 2 : _codeStart + operand;
                        break;
                    }

                case OpCode.Halt:
                    _ip = OffsetOf(ip) - 1;
                    _sp = sp;
                    return Value.Nil;

                // Listed only so that the cases above, spread from LoadConst to CallGlobal, make
                // one dense switch: with these gaps open the switch is two jump tables, and
                // every instruction past the first gap pays a second range check and jump.
                case OpCode.LoadEnv:
                case OpCode.LoadUndefined:
                case OpCode.SetEnv:
                case OpCode.SetDyn:
                case OpCode.DelLocal:
                case OpCode.DelDyn:
                case OpCode.Dup:
                case OpCode.GtJump:
                case OpCode.LeJump:
                case OpCode.GeJump:
                case OpCode.NeqJump:
                case OpCode.JumpIfFalseOrPop:
                case OpCode.JumpIfTrueOrPop:
                case OpCode.Capture:
                case OpCode.MakeClosure:
                case OpCode.GetField:
                case OpCode.GetFieldForCall:
                case OpCode.Plugin:
                case OpCode.MakeList:
                case OpCode.Append:
                case OpCode.Concat:
                case OpCode.PopList:
                case OpCode.AppendInPlace:
                case OpCode.ConcatInPlace:
                case OpCode.PopInPlace:
                case OpCode.AppendInPlaceTemp:
                case OpCode.ConcatInPlaceTemp:
                case OpCode.PopInPlaceTemp:
                case OpCode.Gt:
                case OpCode.Lt:
                case OpCode.Le:
                case OpCode.Ge:
                case OpCode.Neq:
                case OpCode.Eq:
                case OpCode.Len:
                case OpCode.Empty:
                case OpCode.Tail:
                case OpCode.Head:
                case OpCode.IsNil:
                case OpCode.Assert:
                case OpCode.ToNum:
                case OpCode.ToStr:
                case OpCode.At:
                case OpCode.Type:
                case OpCode.HasField:
                case OpCode.Not:
                default:
                    _ip = OffsetOf(ip) - 1;
                    _sp = sp;
                    ExecuteRare(word);
                    ip = _codeStart + _ip;
                    sp = _sp;
                    bottom = ref MemoryMarshal.GetArrayDataReference(_stack);
                    // the slow path of a fused call may have entered a function
                    fp = _frames[_frameCount - 1].Fp;
                    if (_suspended)
                        return default;
                    break;
            }
        }
    }

    /// <summary>
    /// Whether the loop can enter <paramref name="proto"/> itself: a plain function, the right
    /// number of arguments, no locals visible to callees, room on both stacks. The callee's
    /// stack slot ends at <paramref name="top"/>; the depth is bounded as <see cref="PushFrame"/> bounds it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CanEnterInline(FunctionProto proto, int argc, int top) =>
        proto.PlainArity == argc && _frameCount < _frames.Length
        && top + proto.FrameSize <= _stack.Length && top - _localsTotal + 2 * _frameCount < _depthLimit;

    /// <summary>
    /// The plain part of <see cref="PushFrame"/>, for the loop's inline calls: the arguments at
    /// <paramref name="fp"/> are shared, the other locals unbound, and the frame pushed. The
    /// loop then sets its own sp, fp and ip, which are parameters of nothing here so that they
    /// stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterInline(ref Value bottom, FunctionProto proto, int fp, int argc, int callAt, int nameSymbol)
    {
        for (var i = fp; i < fp + argc; i++)
            Slot(ref bottom, i).MarkShared();
        for (var i = fp + argc; i < fp + proto.LocalCount; i++)
            Slot(ref bottom, i) = new Value(_unbound);
        _localsTotal += proto.LocalCount;
        ref var frame = ref _frames[_frameCount++];
        frame.Proto = proto;
        frame.Fp = fp;
        frame.ReturnIp = callAt + 2;
        frame.CallIp = callAt;
        frame.Env = null;
        frame.NameSymbol = nameSymbol;
    }

    /// <summary>Calls a native function, letting the global lock go around calls that may block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Value CallNative(NativeFunction native, ReadOnlySpan<Value> args)
    {
        if (native.IsBlocking)
            return CallBlocking(native, args);
        return native.Function(args, this);
    }

    /// <summary>
    /// Stores a value, sparing numbers the GC write barrier: a value built from the number
    /// alone has a null object the JIT can see, so the store needs no barrier call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref Value slot, in Value value)
    {
        if (value.Obj is null)
            slot = new Value(value.Num);
        else
            slot = value;
    }

    /// <summary>
    /// The offset of <paramref name="ip"/> in the code: a shift, where subtracting pointers
    /// divides by the element size with the sign fix-up of a signed division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe int OffsetOf(int* ip) => (int)(((nint)ip - (nint)_codeStart) >> 2);

    /// <summary>
    /// A stack slot, without a bounds check: the verifier proves every function's stack use
    /// stays within the size it declares, and a frame is entered only with that much room.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Value Slot(ref Value bottom, int index) => ref Unsafe.Add(ref bottom, (nint)(uint)index);
}
