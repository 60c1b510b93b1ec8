using System.Text;
using Ark.Vm.Values;

namespace Ark.Vm.Bytecode;

/// <summary>Prints a program's code, one instruction per line, with its operands decoded.</summary>
public static class Disassembler
{
    /// <summary>The words that follow an instruction as extra operands.</summary>
    public static int ExtraWords(OpCode op, int operand) => op switch
    {
        OpCode.Call or OpCode.CallBuiltin or OpCode.CallDyn or OpCode.CallGlobal or OpCode.GetField or OpCode.GetFieldForCall
            or OpCode.AppendInPlace or OpCode.ConcatInPlace or OpCode.PopInPlace => 1,
        _ when Instruction.IsConstJump(op) => 1,
        _ when Instruction.IsLocalConstJump(op) => 2,
        _ when Instruction.IsLocalOperand(op) => 1,
        OpCode.TailCall => operand,
        _ => 0,
    };

    /// <summary>The listing of every function of <paramref name="program"/>.</summary>
    public static string Disassemble(CompiledProgram program)
    {
        var sb = new StringBuilder();
        foreach (var function in program.Functions)
        {
            var end = program.Functions.Where(f => f.EntryIp > function.EntryIp).Select(f => f.EntryIp).DefaultIfEmpty(program.Code.Length).Min();
            sb.Append("page ").Append(function.Page);
            if (function.Name is not null)
                sb.Append(" (").Append(function.Name).Append(')');
            sb.Append($": arity {function.Arity}, {function.LocalCount} locals, stack {function.MaxStack}\n");
            for (var ip = function.EntryIp; ip < end;)
            {
                var word = program.Code[ip];
                var op = Instruction.Op(word);
                var operand = Instruction.Operand(word);
                sb.Append($"  {ip,5}  {op,-18} {Describe(program, op, operand)}");
                var extra = ExtraWords(op, operand);
                for (var i = 1; i <= extra && ip + i < program.Code.Length; i++)
                    sb.Append(' ').Append(program.Code[ip + i]);
                sb.Append('\n');
                ip += 1 + extra;
            }
        }
        return sb.ToString();
    }

    private static string Describe(CompiledProgram program, OpCode op, int operand)
    {
        string Symbol(int id) => id >= 0 && id < program.Symbols.Length ? program.Symbols[id] : "?";
        return op switch
        {
            OpCode.LoadConst or OpCode.AddConst or OpCode.SubConst or OpCode.MulConst when operand < program.Constants.Length
                => $"{operand} ({Show(program.Constants[operand])})",
            OpCode.LoadDyn or OpCode.LoadGlobal or OpCode.CallDyn or OpCode.CallGlobal or OpCode.IncrementGlobal or OpCode.DecrementGlobal or OpCode.SetDyn or OpCode.SetGlobal or OpCode.DelDyn or OpCode.Capture
                or OpCode.GetField or OpCode.GetFieldForCall => $"{operand} ({Symbol(operand & ~Instruction.FreshStore)})",
            OpCode.StoreGlobal => $"{operand} ({Symbol(operand & ~Instruction.FreshStore)})",
            _ => operand.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string Show(Value value) => value.Obj is ArkString s ? $"\"{s}\"" : ValueFormatter.Format(value);
}
