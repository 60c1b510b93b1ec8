using Ark.Vm.Builtins;
using Ark.Vm.Bytecode;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// Every instruction the dispatch loop does not handle inline, and the slow paths of those it
/// does (non-numbers, unbound variables, arity errors). It works on the context's fields:
/// <see cref="_ip"/> points at the instruction and is left at the next one to run.
/// </summary>
public sealed partial class ExecutionContext
{
    private void ExecuteRare(int word)
    {
        var at = _ip;
        try
        {
            ExecuteRareAt(word, at);
        }
        catch (ArkException) when (RecordFault(at))
        {
            // never entered: the filter only notes where the error happened
            throw;
        }
    }

    // kept apart from the exception filter above so that the JIT optimises it without an EH region
    private void ExecuteRareAt(int word, int at)
    {
        var op = Instruction.Op(word);
        var operand = Instruction.Operand(word);
        var stack = _stack;
        ref var sp = ref _sp;
        var fp = _frames[_frameCount - 1].Fp;
        _ip++;

        if (op is >= OpCode.IncrementLocal and <= OpCode.DecrementGlobal)
        {
            StepVariableSlowly(op, operand, at);
            return;
        }

        if (op is OpCode.CallDyn or OpCode.CallGlobal)
        {
            CallVariableSlowly(op, operand, at);
            return;
        }

        if (Instruction.IsLocalOperand(op))
        {
            OperateOnLocalSlowly(op, operand, at);
            return;
        }

        if (op is >= OpCode.AddConst and <= OpCode.NeqConstJump)
        {
            // a slow path of a constant-operand instruction: push the constant and run the
            // instruction it was fused from, so errors are exactly that instruction's
            EnsureStack(1);
            stack = _stack;
            var constant = Instruction.IsConstJump(op) ? _code[_ip++] : operand;
            stack[sp++] = _program.Constants[constant];
            op = Instruction.WithoutConst(op);
        }

        switch (op)
        {
            case OpCode.Nop:
                break;


            case OpCode.LoadLocal:
                {
                    LastLoadIp = at;
                    var v = stack[fp + operand];
                    if (v.IsUnbound)
                        v = LoadDynamic(_frames[_frameCount - 1].Proto.SlotSymbols[operand], false);
                    stack[sp++] = v;
                    break;
                }

            case OpCode.LoadEnv:
                LastLoadIp = at;
                stack[sp++] = Readable(_frames[_frameCount - 1].Env!).Values[operand];
                break;

            case OpCode.LoadDyn:
                LastLoadIp = at;
                stack[sp++] = LoadDynamic(operand, true);
                break;

            case OpCode.LoadGlobal:
                {
                    LastLoadIp = at;
                    var g = _globals[operand];
                    if (g.IsUnbound)
                        throw Error(ErrorKind.Scope, $"Unbound variable `{SymbolName(operand)}'");
                    stack[sp++] = g;
                    break;
                }

            case OpCode.StoreGlobal:
                {
                    var v = stack[--sp];
                    var symbol = operand & ~Instruction.FreshStore;
                    if ((operand & Instruction.FreshStore) == 0)
                        v.MarkShared();
                    PrepareGlobalWrite(symbol);
                    _globals[symbol] = v;
                    break;
                }

            case OpCode.LoadUndefined:
                stack[sp++] = Value.Undefined;
                break;

            case OpCode.SetLocal:
                {
                    var v = stack[--sp];
                    v.MarkShared();
                    if (!stack[fp + operand].IsUnbound)
                        stack[fp + operand] = v;
                    else
                        SetDynamic(_frames[_frameCount - 1].Proto.SlotSymbols[operand], v, false);
                    break;
                }

            case OpCode.SetEnv:
                {
                    var v = stack[--sp];
                    v.MarkShared();
                    ref var frame = ref _frames[_frameCount - 1];
                    frame.Env = Writable(frame.Env!);
                    frame.Env.Values[operand] = v;
                    break;
                }

            case OpCode.SetGlobal:
                SetDynamic(operand, stack[--sp], false);
                break;

            case OpCode.SetDyn:
                SetDynamic(operand, stack[--sp], true);
                break;

            case OpCode.DelLocal:
                if (!stack[fp + operand].IsUnbound)
                    stack[fp + operand] = Value.Undefined;
                else
                    DeleteDynamic(_frames[_frameCount - 1].Proto.SlotSymbols[operand]);
                break;

            case OpCode.DelDyn:
                DeleteDynamic(operand);
                break;

            case OpCode.Dup:
                stack[sp] = stack[sp - 1];
                sp++;
                break;

            case OpCode.JumpIfFalseOrPop:
                if (!stack[sp - 1].IsTruthy)
                    _ip = operand;
                else
                    sp--;
                break;

            case OpCode.JumpIfTrueOrPop:
                if (stack[sp - 1].IsTruthy)
                    _ip = operand;
                else
                    sp--;
                break;

            case OpCode.LtJump:
            case OpCode.GtJump:
            case OpCode.LeJump:
            case OpCode.GeJump:
            case OpCode.EqJump:
            case OpCode.NeqJump:
                if (!Compare(op, stack[sp - 2], stack[sp - 1]))
                    _ip = operand;
                sp -= 2;
                break;

            case OpCode.Lt:
            case OpCode.Gt:
            case OpCode.Le:
            case OpCode.Ge:
            case OpCode.Eq:
            case OpCode.Neq:
                stack[sp - 2] = Value.Bool(Compare(op, stack[sp - 2], stack[sp - 1]));
                sp--;
                break;

            case OpCode.Jump:
                // only an interrupt sends a jump here; a backward one is a safepoint, and stays
                // on its jump when the slice is over, to be made when the context resumes
                _ip = operand < at && Safepoint() ? at : operand;
                break;

            case OpCode.TailCall:
                if (operand == _frames[_frameCount - 1].Proto.Arity)
                {
                    // only an interrupt sends a tail call of the right arity here: after the
                    // safepoint it runs again, on the loop's fast path, unless the slice is over
                    Safepoint();
                    _ip = at;
                    break;
                }
                throw ArityError(_frames[_frameCount - 1].Proto, _frames[_frameCount - 1].NameSymbol, operand);

            case OpCode.Capture:
                stack[sp++] = CaptureValue(operand);
                break;

            case OpCode.MakeClosure:
                MakeClosure((FunctionProto)_program.Constants[operand].Obj!);
                break;

            case OpCode.GetField:
            case OpCode.GetFieldForCall:
                stack[sp - 1] = ReadField(stack[sp - 1], operand, _code[_ip++], op == OpCode.GetFieldForCall);
                break;

            case OpCode.Plugin:
                _ip = at; // a module that fails to load is reported at its import
                BindModule(operand);
                _ip = at + 1;
                break;

            case OpCode.MakeList:
                {
                    var items = stack.AsSpan(sp - operand, operand);
                    items.Reverse();
                    var list = ArkList.From(items);
                    sp -= operand;
                    stack[sp++] = new Value(list);
                    break;
                }

            case OpCode.Append:
            case OpCode.Concat:
                {
                    var target = stack[sp - 1];
                    var items = stack.AsSpan(sp - 1 - operand, operand);
                    items.Reverse();
                    var result = op == OpCode.Append ? Operators.Append(target, items) : Operators.Concat(target, items);
                    sp -= operand + 1;
                    stack[sp++] = result;
                    break;
                }

            case OpCode.PopList:
                stack[sp - 2] = Operators.Pop(stack[sp - 1], stack[sp - 2]);
                sp--;
                break;

            case OpCode.AppendInPlace:
            case OpCode.ConcatInPlace:
                {
                    LastLoadIp = at;
                    var varRef = _code[_ip++];
                    var items = stack.AsSpan(sp - operand, operand);
                    items.Reverse();
                    ref var slot = ref VariableRef(varRef, fp);
                    if (op == OpCode.AppendInPlace)
                        Operators.AppendInPlace(ref slot, items);
                    else
                        Operators.ConcatInPlace(ref slot, items);
                    sp -= operand;
                    break;
                }

            case OpCode.PopInPlace:
                {
                    LastLoadIp = at;
                    var varRef = _code[_ip++];
                    ref var slot = ref VariableRef(varRef, fp);
                    Operators.PopInPlace(ref slot, stack[sp - 1]);
                    sp--;
                    break;
                }

            case OpCode.AppendInPlaceTemp:
            case OpCode.ConcatInPlaceTemp:
                {
                    var temp = stack[sp - 1];
                    var items = stack.AsSpan(sp - 1 - operand, operand);
                    items.Reverse();
                    if (op == OpCode.AppendInPlaceTemp)
                        Operators.AppendInPlace(ref temp, items);
                    else
                        Operators.ConcatInPlace(ref temp, items);
                    sp -= operand + 1;
                    break;
                }

            case OpCode.PopInPlaceTemp:
                {
                    var temp = stack[sp - 1];
                    Operators.PopInPlace(ref temp, stack[sp - 2]);
                    sp -= 2;
                    break;
                }

            case OpCode.Add:
                stack[sp - 2] = Operators.Add(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;

            case OpCode.Sub:
                stack[sp - 2] = Operators.Sub(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;

            case OpCode.Mul:
                stack[sp - 2] = Operators.Mul(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;

            case OpCode.Div:
                stack[sp - 2] = Operators.Div(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;

            case OpCode.Mod:
                stack[sp - 2] = Operators.Mod(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;

            // a number reaches here when a fused instruction replays its step: the loop's own
            // Increment and Decrement handle numbers themselves
            case OpCode.Increment:
                if (stack[sp - 1].Obj is not null)
                    throw StepError("+", stack[sp - 1]);
                stack[sp - 1] = new Value(stack[sp - 1].Num + 1);
                break;

            case OpCode.Decrement:
                if (stack[sp - 1].Obj is not null)
                    throw StepError("-", stack[sp - 1]);
                stack[sp - 1] = new Value(stack[sp - 1].Num - 1);
                break;

            case OpCode.Len:
                stack[sp - 1] = Operators.Len(stack[sp - 1]);
                break;

            case OpCode.Empty:
                stack[sp - 1] = Operators.Empty(stack[sp - 1]);
                break;

            case OpCode.Tail:
                stack[sp - 1] = Operators.Tail(stack[sp - 1]);
                break;

            case OpCode.Head:
                stack[sp - 1] = Operators.Head(stack[sp - 1]);
                break;

            case OpCode.IsNil:
                stack[sp - 1] = Value.Bool(stack[sp - 1].IsNil);
                break;

            case OpCode.Assert:
                Operators.Assert(stack[sp - 2], stack[sp - 1]);
                sp -= 2;
                break;

            case OpCode.ToNum:
                stack[sp - 1] = Operators.ToNumber(stack[sp - 1]);
                break;

            case OpCode.ToStr:
                stack[sp - 1] = Operators.ToStr(stack[sp - 1]);
                break;

            case OpCode.At:
                stack[sp - 2] = Operators.At(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;

            case OpCode.Type:
                stack[sp - 1] = Operators.Type(stack[sp - 1]);
                break;

            case OpCode.HasField:
                stack[sp - 2] = Operators.HasField(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;

            case OpCode.Not:
                stack[sp - 1] = Value.Bool(!stack[sp - 1].IsTruthy);
                break;

            default:
                throw Error(ErrorKind.VM, $"unknown instruction {(int)op} at {at}");
        }

    }

    /// <summary>
    /// An increment or decrement of a variable that is not a plain number in an unshared slot:
    /// run as the load, step and set it was fused from, so every error and fallback is theirs.
    /// </summary>
    private void StepVariableSlowly(OpCode op, int operand, int at)
    {
        var local = op is OpCode.IncrementLocal or OpCode.DecrementLocal;
        var increment = op is OpCode.IncrementLocal or OpCode.IncrementGlobal;
        _ip = at;
        ExecuteRare(Instruction.Make(local ? OpCode.LoadLocal : OpCode.LoadGlobal, operand));
        _ip = at;
        ExecuteRare(Instruction.Make(increment ? OpCode.Increment : OpCode.Decrement));
        _ip = at;
        ExecuteRare(Instruction.Make(local ? OpCode.SetLocal : OpCode.SetGlobal, operand));
        _ip = at + 1;
    }

    /// <summary>
    /// A call of the function a variable holds that the loop does not make inline (a closure,
    /// a native function, a wrong argument count, an unbound or dynamically bound name): run as
    /// the load and the call it was fused from, so every error and fallback is theirs. The load
    /// runs at the argument count word, which carries the load's source position.
    /// </summary>
    private void CallVariableSlowly(OpCode op, int operand, int at)
    {
        EnsureStack(1);
        _ip = at + 1;
        ExecuteRare(Instruction.Make(op == OpCode.CallDyn ? OpCode.LoadDyn : OpCode.LoadGlobal, operand));
        LastLoadIp = at;
        _ip = at;
        if (!EnterCall(_stack[_sp - 1], _code[at + 1], operand, at + 2, at))
            _ip = at + 2;
    }

    /// <summary>
    /// A local-operand instruction whose local is not a plain number (or is unbound): run as
    /// the load and the instruction it was fused from. Each part runs at the word that carries
    /// its source position, so every error and fallback is theirs.
    /// </summary>
    private void OperateOnLocalSlowly(OpCode op, int operand, int at)
    {
        var jump = Instruction.IsLocalConstJump(op);
        var loadAt = at + (jump ? 2 : 1);
        EnsureStack(2);
        _ip = loadAt;
        ExecuteRare(Instruction.Make(OpCode.LoadLocal, jump ? _code[loadAt] : operand));
        LastLoadIp = at;
        _ip = at;
        ExecuteRare(Instruction.Make(Instruction.WithoutLocal(op), jump ? operand : _code[at + 1]));
        // the plain instruction was one word shorter: a fall-through continues after the fused one
        if (_ip == loadAt)
            _ip = loadAt + 1;
    }

    /// <summary>
    /// Notes the instruction an error was raised by, before <see cref="_ip"/> moves on: the
    /// innermost one wins, so an error inside a call made from native code keeps its place.
    /// Always false, so the exception goes on unhandled.
    /// </summary>
    private bool RecordFault(int at)
    {
        if (_faultIp < 0)
            _faultIp = at;
        return false;
    }

    private int _faultIp = -1;

    /// <summary>The comparison operators, with the reference's definitions in terms of = and &lt;.</summary>
    private static bool Compare(OpCode op, in Value a, in Value b) => op switch
    {
        OpCode.Lt or OpCode.LtJump => ValueOps.Less(a, b),
        // a > b is (a != b and not a < b), and a >= b is not (a < b): both true for NaN
        OpCode.Gt or OpCode.GtJump => !ValueOps.Equal(a, b) && !ValueOps.Less(a, b),
        OpCode.Le or OpCode.LeJump => ValueOps.Less(a, b) || ValueOps.Equal(a, b),
        OpCode.Ge or OpCode.GeJump => !ValueOps.Less(a, b),
        OpCode.Eq or OpCode.EqJump => ValueOps.Equal(a, b),
        _ => !ValueOps.Equal(a, b),
    };

    private void MakeClosure(FunctionProto proto)
    {
        var n = proto.Captures.Length;
        var values = new Value[n];
        for (var i = 0; i < n; i++)
        {
            var v = _stack[_sp - n + i];
            v.MarkShared();
            values[i] = v;
        }
        _sp -= n;
        var env = new ClosureEnv(proto.Captures, proto.CaptureNames, values);
        Adopt(env);
        _stack[_sp++] = new Value(new Closure(proto, env));
    }

    /// <summary>The reference checks its increment/decrement instructions against numbers only.</summary>
    private static ArkContractException StepError(string op, Value operand) =>
        TypeCheck.Error(op, [operand, new Value(1)], new Contract(new Param("a", ValueKind.Number), new Param("b", ValueKind.Number)));

    private Value ReadField(Value target, int fieldSymbol, int objectSymbol, bool forCall)
    {
        if (target.Obj is not Closure closure)
        {
            throw Error(ErrorKind.Type, objectSymbol >= 0
                ? $"`{SymbolName(objectSymbol)}' is a {target.Kind.TypeName()}, not a Closure, can not get the field `{SymbolName(fieldSymbol)}' from it"
                : $"{target.Kind.TypeName()} is not a Closure, can not get the field `{SymbolName(fieldSymbol)}' from it");
        }
        var env = Readable(closure.Env);
        var index = env.IndexOf(fieldSymbol);
        if (index < 0 || env.Values[index].IsUnbound)
            throw Error(ErrorKind.Scope, $"`{SymbolName(fieldSymbol)}' isn't in the closure environment: {ValueFormatter.Format(target)}");
        var field = env.Values[index];
        // a method called through its object sees the object's captured variables
        if (forCall && field.Obj is FunctionProto method)
            return new Value(new Closure(method, env));
        return field;
    }
}
