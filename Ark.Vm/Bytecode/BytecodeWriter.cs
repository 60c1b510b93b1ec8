using System.Text;
using Ark.Vm.Values;

namespace Ark.Vm.Bytecode;

/// <summary>
/// Writes a compiled program in the ArkSharp bytecode format (documented in
/// docs/bytecode.md), which <see cref="BytecodeReader"/> loads back.
/// </summary>
public static class BytecodeWriter
{
    /// <summary>The first bytes of every bytecode file.</summary>
    public static ReadOnlySpan<byte> Magic => "ARKSHARP"u8;

    /// <summary>The format version; a reader refuses any other.</summary>
    public const ushort Version = 4;

    internal const byte NumberConstant = 1;
    internal const byte StringConstant = 2;
    internal const byte FunctionConstant = 3;

    /// <summary>Writes <paramref name="program"/> to <paramref name="output"/>.</summary>
    public static void Write(CompiledProgram program, Stream output)
    {
        using var w = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);

        w.Write(program.Symbols.Length);
        foreach (var symbol in program.Symbols)
            w.Write(symbol);
        WriteFlags(w, program.DynamicSymbols);
        WriteFlags(w, program.GlobalsReadByFunctions);

        var pages = program.Functions.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);
        w.Write(program.Functions.Length);
        foreach (var f in program.Functions)
        {
            w.Write(f.Page);
            w.Write(f.Arity);
            w.Write(f.LocalCount);
            w.Write(f.EntryIp);
            w.Write(f.MaxStack);
            w.Write(f.Name ?? "");
            WriteInts(w, f.SlotSymbols);
            WriteInts(w, f.DynamicSlots);
            WriteInts(w, f.Captures);
        }

        w.Write(program.Constants.Length);
        foreach (var constant in program.Constants)
        {
            switch (constant.Obj)
            {
                case null:
                    w.Write(NumberConstant);
                    w.Write(constant.Num);
                    break;
                case ArkString s:
                    w.Write(StringConstant);
                    w.Write(s.Length);
                    w.Write(s.Bytes);
                    break;
                case FunctionProto f:
                    w.Write(FunctionConstant);
                    w.Write(pages[f]);
                    break;
                default:
                    throw new InvalidOperationException($"a {constant.Kind} constant can not be written");
            }
        }

        WriteInts(w, program.Code);

        var map = program.SourceMap;
        w.Write(map.Files.Length);
        foreach (var file in map.Files)
            w.Write(file);
        WriteInts(w, map.FileIds);
        WriteInts(w, map.Lines);
        WriteInts(w, map.Columns);
    }

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var value in values)
            w.Write(value);
    }

    private static void WriteFlags(BinaryWriter w, bool[] flags)
    {
        w.Write(flags.Length);
        foreach (var flag in flags)
            w.Write(flag);
    }
}
