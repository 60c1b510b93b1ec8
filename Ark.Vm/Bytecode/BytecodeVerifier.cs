using Ark.Vm.Builtins;
using Ark.Vm.Values;

namespace Ark.Vm.Bytecode;

/// <summary>
/// Checks that a loaded program can run safely: each function's code lies in its own range,
/// every operand indexes something that exists, every jump lands on an instruction of the same
/// function, and the operand stack never underflows nor grows past the function's declared size.
/// </summary>
internal static class BytecodeVerifier
{
    public static void Verify(CompiledProgram program)
    {
        var functions = program.Functions.OrderBy(f => f.EntryIp).ToArray();
        for (var i = 0; i < functions.Length; i++)
        {
            var start = functions[i].EntryIp;
            var end = i + 1 < functions.Length ? functions[i + 1].EntryIp : program.Code.Length;
            if (start < 0 || start >= end || end > program.Code.Length)
                throw new BytecodeException($"function {functions[i].Page} has no code of its own");
            new FunctionCheck(program, functions[i], start, end).Run();
        }
        if (functions[0].EntryIp != 0 || program.Main.EntryIp != 0)
            throw new BytecodeException("the top-level code must come first");
    }

    private sealed class FunctionCheck(CompiledProgram program, FunctionProto function, int start, int end)
    {
        private readonly Dictionary<int, int> _depths = [];

        public void Run()
        {
            var boundaries = Boundaries();
            var work = new Stack<(int Ip, int Depth)>();
            work.Push((start, 0));
            var max = 0;
            while (work.Count > 0)
            {
                var (ip, depth) = work.Pop();
                if (_depths.TryGetValue(ip, out var seen))
                {
                    if (seen != depth)
                        throw Fail(ip, $"reached with stack depths {seen} and {depth}");
                    continue;
                }
                _depths[ip] = depth;
                var word = program.Code[ip];
                var op = Instruction.Op(word);
                var operand = Instruction.Operand(word);
                var (pops, pushes, successors) = Effect(ip, op, operand, boundaries);
                if (depth < pops)
                    throw Fail(ip, $"{op} needs {pops} values but the stack holds {depth}");
                var after = depth - pops + pushes;
                max = Math.Max(max, Math.Max(after, depth));
                foreach (var (target, targetDepth) in successors(after))
                    work.Push((target, targetDepth));
            }
            if (max > function.MaxStack)
                throw new BytecodeException($"function {function.Page} needs a stack of {max} but declares {function.MaxStack}");
        }

        private HashSet<int> Boundaries()
        {
            var boundaries = new HashSet<int>();
            for (var ip = start; ip < end;)
            {
                boundaries.Add(ip);
                var op = Instruction.Op(program.Code[ip]);
                if (!Enum.IsDefined(op))
                    throw Fail(ip, $"unknown instruction {(int)op}");
                ip += 1 + Disassembler.ExtraWords(op, Instruction.Operand(program.Code[ip]));
                if (ip > end)
                    throw Fail(ip, "an instruction runs past the end of its function");
            }
            return boundaries;
        }

        private delegate IEnumerable<(int, int)> Successors(int depthAfter);

        private (int Pops, int Pushes, Successors Next) Effect(int ip, OpCode op, int operand, HashSet<int> boundaries)
        {
            var next = ip + 1 + Disassembler.ExtraWords(op, operand);
            Successors fallThrough = d => next < end ? [(next, d)] : throw Fail(ip, "control runs off the end of the function");
            Successors none = _ => [];
            int Extra(int i) => program.Code[ip + 1 + i];
            int Jump(int target) => boundaries.Contains(target) ? target : throw Fail(ip, $"jump to {target} is not an instruction of this function");
            void Symbol(int id) => Check(ip, id, program.Symbols.Length, "symbol");
            void Slot(int slot) => Check(ip, slot, function.LocalCount, "local slot");

            switch (op)
            {
                case OpCode.Nop or OpCode.Plugin:
                    if (op == OpCode.Plugin)
                        Constant<ArkString>(ip, operand);
                    return (0, 0, fallThrough);
                case OpCode.LoadConst:
                    Check(ip, operand, program.Constants.Length, "constant");
                    return (0, 1, fallThrough);
                case OpCode.LoadBuiltin:
                    Check(ip, operand, BuiltinTable.All.Length, "builtin");
                    return (0, 1, fallThrough);
                case OpCode.LoadLocal or OpCode.LoadEnv or OpCode.LoadDyn or OpCode.LoadGlobal or OpCode.Capture:
                    Variable(ip, op, operand);
                    return (0, 1, fallThrough);
                case OpCode.LoadUndefined or OpCode.Dup:
                    return (op == OpCode.Dup ? 1 : 0, op == OpCode.Dup ? 2 : 1, fallThrough);
                case OpCode.StoreLocal or OpCode.StoreGlobal:
                    Variable(ip, op == OpCode.StoreLocal ? OpCode.LoadLocal : OpCode.LoadGlobal, operand & ~Instruction.FreshStore);
                    return (1, 0, fallThrough);
                case OpCode.SetLocal or OpCode.SetEnv or OpCode.SetDyn or OpCode.SetGlobal:
                    Variable(ip, op, operand);
                    return (1, 0, fallThrough);
                case OpCode.DelLocal or OpCode.DelDyn:
                    Variable(ip, op, operand);
                    return (0, 0, fallThrough);
                case OpCode.Pop:
                    return (1, 0, fallThrough);
                case OpCode.Jump:
                    var target = Jump(operand);
                    return (0, 0, d => [(target, d)]);
                case OpCode.JumpIfFalse or OpCode.JumpIfTrue:
                    var branch = Jump(operand);
                    return (1, 0, d => [(branch, d), .. fallThrough(d)]);
                case OpCode.LtJump or OpCode.GtJump or OpCode.LeJump or OpCode.GeJump or OpCode.EqJump or OpCode.NeqJump:
                    var compared = Jump(operand);
                    return (2, 0, d => [(compared, d), .. fallThrough(d)]);
                case OpCode.IncrementLocal or OpCode.DecrementLocal:
                    Slot(operand);
                    return (0, 0, fallThrough);
                case OpCode.IncrementGlobal or OpCode.DecrementGlobal:
                    Variable(ip, OpCode.LoadGlobal, operand);
                    return (0, 0, fallThrough);
                case OpCode.AddConst or OpCode.SubConst or OpCode.MulConst:
                    NumberConstant(ip, operand);
                    return (1, 1, fallThrough);
                case >= OpCode.LtConstJump and <= OpCode.NeqConstJump:
                    NumberConstant(ip, Extra(0));
                    var comparedToConstant = Jump(operand);
                    return (1, 0, d => [(comparedToConstant, d), .. fallThrough(d)]);
                case OpCode.LocalAddConst or OpCode.LocalSubConst:
                    Slot(operand);
                    NumberConstant(ip, Extra(0));
                    return (0, 1, fallThrough);
                case OpCode.LocalIncrement or OpCode.LocalDecrement:
                    Slot(operand);
                    if (Extra(0) != operand)
                        throw Fail(ip, $"{op} names slot {operand} in one word and {Extra(0)} in the other");
                    return (0, 1, fallThrough);
                case >= OpCode.LocalLtConstJump and <= OpCode.LocalNeqConstJump:
                    NumberConstant(ip, Extra(0));
                    Slot(Extra(1));
                    var localComparedToConstant = Jump(operand);
                    return (0, 0, d => [(localComparedToConstant, d), .. fallThrough(d)]);
                case OpCode.JumpIfFalseOrPop or OpCode.JumpIfTrueOrPop:
                    var kept = Jump(operand);
                    return (1, 0, d => [(kept, d + 1), .. fallThrough(d)]);
                case OpCode.Call:
                    if (Extra(0) != -1)
                        Symbol(Extra(0));
                    return (operand + 1, 1, fallThrough);
                case OpCode.CallDyn or OpCode.CallGlobal:
                    Variable(ip, op == OpCode.CallDyn ? OpCode.LoadDyn : OpCode.LoadGlobal, operand);
                    if (Extra(0) < 0)
                        throw Fail(ip, $"{op} with a negative argument count");
                    return (Extra(0), 1, fallThrough);
                case OpCode.TailCall:
                    if (function.Page == 0)
                        throw Fail(ip, "a tail call outside a function");
                    var pushed = 0;
                    for (var i = 0; i < operand; i++)
                    {
                        if (Extra(i) == -1)
                            pushed++;
                        else
                            Slot(Extra(i));
                    }
                    return (pushed, 0, none);
                case OpCode.CallBuiltin:
                    Check(ip, operand, BuiltinTable.All.Length, "builtin");
                    if (BuiltinTable.All[operand].Value.Obj is not NativeFunction || Extra(0) < 0)
                        throw Fail(ip, "a call of a builtin that is not a function");
                    return (Extra(0), 1, fallThrough);
                case OpCode.Ret:
                    if (function.Page == 0)
                        throw Fail(ip, "a return from the top-level code");
                    return (1, 0, none);
                case OpCode.Halt:
                    return (0, 0, none);
                case OpCode.MakeClosure:
                    var proto = Constant<FunctionProto>(ip, operand);
                    return (proto.Captures.Length, 1, fallThrough);
                case OpCode.GetField or OpCode.GetFieldForCall:
                    Symbol(operand);
                    if (Extra(0) != -1)
                        Symbol(Extra(0));
                    return (1, 1, fallThrough);
                case OpCode.MakeList:
                    return (operand, 1, fallThrough);
                case OpCode.Append or OpCode.Concat:
                    return (operand + 1, 1, fallThrough);
                case OpCode.PopList:
                    return (2, 1, fallThrough);
                case OpCode.AppendInPlace or OpCode.ConcatInPlace or OpCode.PopInPlace:
                    VarRefOperand(ip, Extra(0));
                    return (op == OpCode.PopInPlace ? 1 : operand, 0, fallThrough);
                case OpCode.AppendInPlaceTemp or OpCode.ConcatInPlaceTemp:
                    return (operand + 1, 0, fallThrough);
                case OpCode.PopInPlaceTemp:
                    return (2, 0, fallThrough);
                case OpCode.Assert:
                    return (2, 0, fallThrough);
                case OpCode.Increment or OpCode.Decrement or OpCode.Len or OpCode.Empty or OpCode.Tail or OpCode.Head
                    or OpCode.IsNil or OpCode.ToNum or OpCode.ToStr or OpCode.Type or OpCode.Not:
                    return (1, 1, fallThrough);
                default:
                    // the remaining operators take two operands and leave one result
                    return (2, 1, fallThrough);
            }
        }

        /// <summary>The fast paths of the constant-operand instructions take their constant to be a number.</summary>
        private void NumberConstant(int ip, int index)
        {
            Check(ip, index, program.Constants.Length, "constant");
            if (program.Constants[index].Obj is not null)
                throw Fail(ip, $"constant {index} is not a number");
        }

        private void Variable(int ip, OpCode op, int operand)
        {
            switch (op)
            {
                case OpCode.LoadLocal or OpCode.SetLocal or OpCode.DelLocal:
                    Check(ip, operand, function.LocalCount, "local slot");
                    break;
                case OpCode.LoadEnv or OpCode.SetEnv:
                    Check(ip, operand, function.Captures.Length, "captured variable");
                    break;
                default:
                    Check(ip, operand, program.Symbols.Length, "symbol");
                    if (op is OpCode.LoadGlobal && function.Page != 0)
                        throw Fail(ip, "a global read outside the top-level code");
                    break;
            }
        }

        private void VarRefOperand(int ip, int word)
        {
            var index = VarRef.Index(word);
            var (limit, what) = VarRef.Kind(word) switch
            {
                VarRefKind.Local => (function.LocalCount, "local slot"),
                VarRefKind.Env => (function.Captures.Length, "captured variable"),
                _ => (program.Symbols.Length, "symbol"),
            };
            Check(ip, index, limit, what);
        }

        private T Constant<T>(int ip, int index) where T : ArkObject
        {
            Check(ip, index, program.Constants.Length, "constant");
            return program.Constants[index].Obj as T ?? throw Fail(ip, $"constant {index} is not a {typeof(T).Name}");
        }

        private void Check(int ip, int value, int limit, string what)
        {
            if (value < 0 || value >= limit)
                throw Fail(ip, $"{what} {value} out of range (0..{limit - 1})");
        }

        private BytecodeException Fail(int ip, string message) => new($"invalid code at {ip} in function {function.Page}: {message}");
    }
}
