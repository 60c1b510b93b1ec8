using Ark.Vm.Bytecode;
using Ark.Vm.Values;

namespace Ark.Compiler.CodeGen;

/// <summary>
/// Places every function's code in one array, turns function-relative jump targets into
/// absolute ones, and fills in what is only known once the whole program is generated: entry
/// points, stack sizes, and which locals must be visible to callees.
/// </summary>
internal static class ProgramLinker
{
    public static CompiledProgram Link(List<FunctionUnit> units, Value[] constants, string[] symbols, SymbolSet dynamicSymbols, SymbolSet globalsReadByFunctions, List<string> files)
    {
        // loops rather than LINQ here: LINQ over these types is jitted at every start-up
        var total = 0;
        foreach (var unit in units)
            total += unit.Code.Count;
        var code = new int[total];
        var fileIds = new int[total];
        var lines = new int[total];
        var columns = new int[total];
        var dynamic = dynamicSymbols.ToFlags(symbols.Length);
        var readByFunctions = globalsReadByFunctions.ToFlags(symbols.Length);

        var offset = 0;
        foreach (var unit in units)
        {
            var buffer = unit.Code;
            for (var i = 0; i < buffer.Count; i++)
            {
                code[offset + i] = buffer.Code[i];
                var position = buffer.PositionOf(i);
                fileIds[offset + i] = position.File;
                lines[offset + i] = position.Line;
                columns[offset + i] = position.Column;
            }
            foreach (var at in buffer.JumpOperands)
            {
                var word = code[offset + at];
                code[offset + at] = Instruction.Make(Instruction.Op(word), Instruction.Operand(word) + offset);
            }

            var proto = unit.Proto;
            proto.EntryIp = offset;
            proto.MaxStack = buffer.MaxDepth + 1;
            var dynamicSlots = new List<int>();
            for (var slot = 0; slot < proto.SlotSymbols.Length; slot++)
            {
                if (dynamic[proto.SlotSymbols[slot]])
                    dynamicSlots.Add(slot);
            }
            proto.DynamicSlots = dynamicSlots.ToArray();
            offset += buffer.Count;
        }

        var functions = InPageOrder(units);
        return new CompiledProgram(code, constants, symbols, dynamic, readByFunctions, functions, new SourceMap([.. files], fileIds, lines, columns));
    }

    /// <summary>The functions ordered by page; pages are normally exactly 0..n-1, which needs no sort.</summary>
    private static FunctionProto[] InPageOrder(List<FunctionUnit> units)
    {
        var functions = new FunctionProto[units.Count];
        foreach (var unit in units)
        {
            var page = unit.Proto.Page;
            if (page < 0 || page >= functions.Length || functions[page] is not null)
                return [.. units.Select(u => u.Proto).OrderBy(p => p.Page)];
            functions[page] = unit.Proto;
        }
        return functions;
    }
}
