using System.Runtime.CompilerServices;
using Ark.Vm.Builtins;
using Ark.Vm.Bytecode;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// The dispatch loop. It keeps the instruction pointer, stack pointer and frame base in locals
/// and writes them back to the context around anything that can call out or throw, so that
/// errors know where they happened.
/// </summary>
public sealed partial class ExecutionContext
{
    /// <summary>
    /// Runs from <see cref="_ip"/> until the frame count drops to <paramref name="stopDepth"/>
    /// (a call made from native code returned; its result is returned and popped) or the
    /// program halts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Value Execute(int stopDepth)
    {
        var code = _code;
        var constants = _program.Constants;
        var stack = _stack;
        var ip = _ip;
        var sp = _sp;
        var fp = _frames[_frameCount - 1].Fp;

        while (true)
        {
            var word = code[ip++];
            var operand = (int)((uint)word >> 8);
            switch ((OpCode)(byte)word)
            {
                case OpCode.Nop:
                    break;

                case OpCode.LoadConst:
                    stack[sp++] = constants[operand];
                    break;

                case OpCode.LoadBuiltin:
                    stack[sp++] = _builtins[operand];
                    break;

                case OpCode.LoadLocal:
                {
                    var v = stack[fp + operand];
                    if (v.IsUnbound)
                    {
                        _ip = ip - 1;
                        v = LoadDynamic(_frames[_frameCount - 1].Proto.SlotSymbols[operand], false);
                    }
                    stack[sp++] = v;
                    break;
                }

                case OpCode.LoadEnv:
                    stack[sp++] = _frames[_frameCount - 1].Env!.Values[operand];
                    break;

                case OpCode.LoadDyn:
                {
                    if (_dynamicBindings[operand] == 0)
                    {
                        var g = _globals[operand];
                        if (!g.IsUnbound)
                        {
                            stack[sp++] = g;
                            break;
                        }
                    }
                    _ip = ip - 1;
                    stack[sp++] = LoadDynamic(operand, true);
                    break;
                }

                case OpCode.LoadGlobal:
                {
                    var g = _globals[operand];
                    if (g.IsUnbound)
                    {
                        _ip = ip - 1;
                        throw Error(ErrorKind.Scope, $"Unbound variable `{SymbolName(operand)}'");
                    }
                    stack[sp++] = g;
                    break;
                }

                case OpCode.LoadUndefined:
                    stack[sp++] = Value.Undefined;
                    break;

                case OpCode.StoreLocal:
                {
                    var v = stack[--sp];
                    if ((operand & Instruction.FreshStore) == 0)
                        v.MarkShared();
                    stack[fp + (operand & ~Instruction.FreshStore)] = v;
                    break;
                }

                case OpCode.StoreGlobal:
                {
                    var v = stack[--sp];
                    if ((operand & Instruction.FreshStore) == 0)
                        v.MarkShared();
                    _globals[operand & ~Instruction.FreshStore] = v;
                    break;
                }

                case OpCode.SetLocal:
                {
                    var v = stack[--sp];
                    v.MarkShared();
                    ref var slot = ref stack[fp + operand];
                    if (!slot.IsUnbound)
                        slot = v;
                    else
                    {
                        _ip = ip - 1;
                        SetDynamic(_frames[_frameCount - 1].Proto.SlotSymbols[operand], v, false);
                    }
                    break;
                }

                case OpCode.SetEnv:
                {
                    var v = stack[--sp];
                    v.MarkShared();
                    _frames[_frameCount - 1].Env!.Values[operand] = v;
                    break;
                }

                case OpCode.SetDyn:
                case OpCode.SetGlobal:
                    _ip = ip - 1;
                    SetDynamic(operand, stack[--sp], (OpCode)(byte)word == OpCode.SetDyn);
                    break;

                case OpCode.DelLocal:
                    if (!stack[fp + operand].IsUnbound)
                        stack[fp + operand] = Value.Undefined;
                    else
                    {
                        _ip = ip - 1;
                        DeleteDynamic(_frames[_frameCount - 1].Proto.SlotSymbols[operand]);
                    }
                    break;

                case OpCode.DelDyn:
                    _ip = ip - 1;
                    DeleteDynamic(operand);
                    break;

                case OpCode.Pop:
                    sp--;
                    break;

                case OpCode.Dup:
                    stack[sp] = stack[sp - 1];
                    sp++;
                    break;

                case OpCode.Jump:
                    ip = operand;
                    break;

                case OpCode.JumpIfFalse:
                    if (!stack[--sp].IsTruthy)
                        ip = operand;
                    break;

                case OpCode.JumpIfTrue:
                    if (stack[--sp].IsTruthy)
                        ip = operand;
                    break;

                case OpCode.JumpIfFalseOrPop:
                    if (!stack[sp - 1].IsTruthy)
                        ip = operand;
                    else
                        sp--;
                    break;

                case OpCode.JumpIfTrueOrPop:
                    if (stack[sp - 1].IsTruthy)
                        ip = operand;
                    else
                        sp--;
                    break;

                case OpCode.Call:
                {
                    var nameSymbol = code[ip++];
                    _ip = ip - 2;
                    _sp = sp;
                    if (EnterCall(stack[sp - 1], operand, nameSymbol, ip, ip - 2))
                    {
                        ip = _ip;
                        fp = _frames[_frameCount - 1].Fp;
                    }
                    stack = _stack;
                    sp = _sp;
                    break;
                }

                case OpCode.TailCall:
                {
                    ref var frame = ref _frames[_frameCount - 1];
                    var proto = frame.Proto;
                    if (operand != proto.Arity)
                    {
                        _ip = ip - 1;
                        throw ArityError(proto, frame.NameSymbol, operand);
                    }
                    // Arguments were pushed last to first, so the first is on top. An argument
                    // that is one of the function's own variables is read only when its parameter
                    // is rebound, after the parameters before it: the reference passes such
                    // arguments by reference, and programs see the difference.
                    var top = sp - 1;
                    for (var i = 0; i < operand; i++)
                    {
                        var source = code[ip + i];
                        var v = source < 0 ? stack[top--] : stack[fp + source];
                        v.MarkShared();
                        stack[fp + i] = v;
                    }
                    sp = fp + proto.LocalCount;
                    ip = proto.EntryIp;
                    break;
                }

                case OpCode.CallBuiltin:
                {
                    var argc = code[ip++];
                    _ip = ip - 2;
                    _sp = sp;
                    var native = (NativeFunction)_builtins[operand].Obj!;
                    var result = native.Function(new ReadOnlySpan<Value>(stack, sp - argc, argc), this);
                    stack = _stack;
                    sp -= argc;
                    stack[sp++] = result;
                    break;
                }

                case OpCode.Ret:
                {
                    var result = stack[sp - 1];
                    PopFrame(result);
                    if (_frameCount == stopDepth)
                    {
                        _sp--;
                        return result;
                    }
                    ip = _ip;
                    sp = _sp;
                    fp = _frames[_frameCount - 1].Fp;
                    break;
                }

                case OpCode.Halt:
                    _ip = ip - 1;
                    _sp = sp;
                    return Value.Nil;

                case OpCode.Capture:
                    _ip = ip - 1;
                    stack[sp++] = CaptureValue(operand);
                    break;

                case OpCode.MakeClosure:
                {
                    var proto = (FunctionProto)constants[operand].Obj!;
                    var n = proto.Captures.Length;
                    var values = new Value[n];
                    for (var i = 0; i < n; i++)
                    {
                        var v = stack[sp - n + i];
                        v.MarkShared();
                        values[i] = v;
                    }
                    sp -= n;
                    stack[sp++] = new Value(new Closure(proto, new ClosureEnv(proto.Captures, proto.CaptureNames, values)));
                    break;
                }

                case OpCode.GetField:
                case OpCode.GetFieldForCall:
                {
                    var objectName = code[ip++];
                    _ip = ip - 2;
                    stack[sp - 1] = ReadField(stack[sp - 1], operand, objectName, (OpCode)(byte)word == OpCode.GetFieldForCall);
                    break;
                }

                case OpCode.Plugin:
                    _ip = ip - 1;
                    throw Error(ErrorKind.Module, $"Could not find module '{constants[operand]}'");

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
                    _ip = ip - 1;
                    var target = stack[sp - 1];
                    var items = stack.AsSpan(sp - 1 - operand, operand);
                    items.Reverse();
                    var result = (OpCode)(byte)word == OpCode.Append
                        ? Operators.Append(target, items)
                        : Operators.Concat(target, items);
                    sp -= operand + 1;
                    stack[sp++] = result;
                    break;
                }

                case OpCode.PopList:
                    _ip = ip - 1;
                    stack[sp - 2] = Operators.Pop(stack[sp - 1], stack[sp - 2]);
                    sp--;
                    break;

                case OpCode.AppendInPlace:
                case OpCode.ConcatInPlace:
                {
                    var varRef = code[ip++];
                    _ip = ip - 2;
                    var items = stack.AsSpan(sp - operand, operand);
                    items.Reverse();
                    ref var slot = ref VariableRef(varRef, fp);
                    if ((OpCode)(byte)word == OpCode.AppendInPlace)
                        Operators.AppendInPlace(ref slot, items);
                    else
                        Operators.ConcatInPlace(ref slot, items);
                    sp -= operand;
                    break;
                }

                case OpCode.PopInPlace:
                {
                    var varRef = code[ip++];
                    _ip = ip - 2;
                    ref var slot = ref VariableRef(varRef, fp);
                    Operators.PopInPlace(ref slot, stack[sp - 1]);
                    sp--;
                    break;
                }

                case OpCode.AppendInPlaceTemp:
                case OpCode.ConcatInPlaceTemp:
                {
                    _ip = ip - 1;
                    var temp = stack[sp - 1];
                    var items = stack.AsSpan(sp - 1 - operand, operand);
                    items.Reverse();
                    if ((OpCode)(byte)word == OpCode.AppendInPlaceTemp)
                        Operators.AppendInPlace(ref temp, items);
                    else
                        Operators.ConcatInPlace(ref temp, items);
                    sp -= operand + 1;
                    break;
                }

                case OpCode.PopInPlaceTemp:
                {
                    _ip = ip - 1;
                    var temp = stack[sp - 1];
                    Operators.PopInPlace(ref temp, stack[sp - 2]);
                    sp -= 2;
                    break;
                }

                case OpCode.Add:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    if (a.Obj is null && b.Obj is null)
                        a = new Value(a.Num + b.Num);
                    else
                    {
                        _ip = ip - 1;
                        a = Operators.Add(a, b);
                    }
                    sp--;
                    break;
                }

                case OpCode.Increment:
                case OpCode.Decrement:
                {
                    ref var a = ref stack[sp - 1];
                    if (a.Obj is null)
                        a = new Value((OpCode)(byte)word == OpCode.Increment ? a.Num + 1 : a.Num - 1);
                    else
                    {
                        _ip = ip - 1;
                        throw StepError((OpCode)(byte)word == OpCode.Increment ? "+" : "-", a);
                    }
                    break;
                }

                case OpCode.Sub:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    if (a.Obj is null && b.Obj is null)
                        a = new Value(a.Num - b.Num);
                    else
                    {
                        _ip = ip - 1;
                        a = Operators.Sub(a, b);
                    }
                    sp--;
                    break;
                }

                case OpCode.Mul:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    if (a.Obj is null && b.Obj is null)
                        a = new Value(a.Num * b.Num);
                    else
                    {
                        _ip = ip - 1;
                        a = Operators.Mul(a, b);
                    }
                    sp--;
                    break;
                }

                case OpCode.Div:
                    _ip = ip - 1;
                    stack[sp - 2] = Operators.Div(stack[sp - 2], stack[sp - 1]);
                    sp--;
                    break;

                case OpCode.Mod:
                    _ip = ip - 1;
                    stack[sp - 2] = Operators.Mod(stack[sp - 2], stack[sp - 1]);
                    sp--;
                    break;

                case OpCode.Lt:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    a = a.Obj is null && b.Obj is null ? Value.Bool(a.Num < b.Num) : Value.Bool(ValueOps.Less(a, b));
                    sp--;
                    break;
                }

                case OpCode.Gt:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    // the reference computes a > b as (a != b and not a < b)
                    a = Value.Bool(!ValueOps.Equal(a, b) && !ValueOps.Less(a, b));
                    sp--;
                    break;
                }

                case OpCode.Le:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    a = Value.Bool(ValueOps.Less(a, b) || ValueOps.Equal(a, b));
                    sp--;
                    break;
                }

                case OpCode.Ge:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    a = Value.Bool(!ValueOps.Less(a, b));
                    sp--;
                    break;
                }

                case OpCode.Eq:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    a = a.Obj is null && b.Obj is null ? Value.Bool(a.Num == b.Num) : Value.Bool(ValueOps.Equal(a, b));
                    sp--;
                    break;
                }

                case OpCode.Neq:
                {
                    ref var a = ref stack[sp - 2];
                    var b = stack[sp - 1];
                    a = Value.Bool(!ValueOps.Equal(a, b));
                    sp--;
                    break;
                }

                case OpCode.Len:
                    _ip = ip - 1;
                    stack[sp - 1] = Operators.Len(stack[sp - 1]);
                    break;

                case OpCode.Empty:
                    _ip = ip - 1;
                    stack[sp - 1] = Operators.Empty(stack[sp - 1]);
                    break;

                case OpCode.Tail:
                    _ip = ip - 1;
                    stack[sp - 1] = Operators.Tail(stack[sp - 1]);
                    break;

                case OpCode.Head:
                    _ip = ip - 1;
                    stack[sp - 1] = Operators.Head(stack[sp - 1]);
                    break;

                case OpCode.IsNil:
                    stack[sp - 1] = Value.Bool(stack[sp - 1].IsNil);
                    break;

                case OpCode.Assert:
                    _ip = ip - 1;
                    Operators.Assert(stack[sp - 2], stack[sp - 1]);
                    sp -= 2;
                    break;

                case OpCode.ToNum:
                    _ip = ip - 1;
                    stack[sp - 1] = Operators.ToNumber(stack[sp - 1]);
                    break;

                case OpCode.ToStr:
                    stack[sp - 1] = Operators.ToStr(stack[sp - 1]);
                    break;

                case OpCode.At:
                    _ip = ip - 1;
                    stack[sp - 2] = Operators.At(stack[sp - 2], stack[sp - 1]);
                    sp--;
                    break;

                case OpCode.Type:
                    stack[sp - 1] = Operators.Type(stack[sp - 1]);
                    break;

                case OpCode.HasField:
                    _ip = ip - 1;
                    stack[sp - 2] = Operators.HasField(stack[sp - 2], stack[sp - 1]);
                    sp--;
                    break;

                case OpCode.Not:
                    stack[sp - 1] = Value.Bool(!stack[sp - 1].IsTruthy);
                    break;

                default:
                    _ip = ip - 1;
                    throw Error(ErrorKind.VM, $"unknown instruction {word & 0xff} at {ip - 1}");
            }
        }
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
        var index = closure.Env.IndexOf(fieldSymbol);
        if (index < 0 || closure.Env.Values[index].IsUnbound)
            throw Error(ErrorKind.Scope, $"`{SymbolName(fieldSymbol)}' isn't in the closure environment: {ValueFormatter.Format(target)}");
        var field = closure.Env.Values[index];
        // a method called through its object sees the object's captured variables
        if (forCall && field.Obj is FunctionProto method)
            return new Value(new Closure(method, closure.Env));
        return field;
    }
}
