using System.Text;
using Ark.Vm.Builtins;
using Ark.Vm.Values;

namespace Ark.Vm.Bytecode;

/// <summary>A bytecode file that can not be loaded: truncated, of another version, or inconsistent.</summary>
public sealed class BytecodeException(string message) : Exception(message);

/// <summary>
/// Loads a program written by <see cref="BytecodeWriter"/>. Everything is checked before the
/// program can run: every index an instruction holds, every jump target, and the stack depth
/// each function reaches, so that a corrupt file is an error message, never a crash or a hang.
/// </summary>
public static class BytecodeReader
{
    /// <summary>True when <paramref name="bytes"/> starts like a bytecode file.</summary>
    public static bool LooksLikeBytecode(ReadOnlySpan<byte> bytes) => bytes.StartsWith(BytecodeWriter.Magic);

    /// <summary>Loads and checks a program; throws <see cref="BytecodeException"/> when the file is not valid.</summary>
    public static CompiledProgram Read(byte[] bytes)
    {
        if (!LooksLikeBytecode(bytes))
            throw new BytecodeException("not an ArkSharp bytecode file (bad magic number)");
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, BytecodeWriter.Magic.Length, bytes.Length - BytecodeWriter.Magic.Length), Encoding.UTF8);
            var version = r.ReadUInt16();
            if (version != BytecodeWriter.Version)
                throw new BytecodeException($"bytecode version {version} is not supported (this ark reads version {BytecodeWriter.Version})");
            var program = ReadProgram(r, bytes.Length);
            if (r.BaseStream.Position != r.BaseStream.Length)
                throw new BytecodeException("unexpected data after the end of the program");
            BytecodeVerifier.Verify(program);
            return program;
        }
        catch (EndOfStreamException)
        {
            throw new BytecodeException("the file is truncated");
        }
        catch (DecoderFallbackException)
        {
            throw new BytecodeException("a name is not valid UTF-8");
        }
    }

    private static CompiledProgram ReadProgram(BinaryReader r, int fileSize)
    {
        var symbols = new string[Count(r, fileSize, "symbols")];
        for (var i = 0; i < symbols.Length; i++)
            symbols[i] = r.ReadString();
        var dynamic = ReadFlags(r, symbols.Length, "dynamic symbols");
        var readable = ReadFlags(r, symbols.Length, "readable globals");

        var functions = new FunctionProto[Count(r, fileSize, "functions")];
        if (functions.Length == 0)
            throw new BytecodeException("the program has no top-level code");
        for (var i = 0; i < functions.Length; i++)
        {
            var page = r.ReadInt32();
            var arity = r.ReadInt32();
            var locals = r.ReadInt32();
            if (page != i || arity < 0 || locals < arity)
                throw new BytecodeException($"function {i} has an invalid header");
            var function = new FunctionProto(page, arity, locals)
            {
                EntryIp = r.ReadInt32(),
                MaxStack = r.ReadInt32(),
            };
            var name = r.ReadString();
            function.Name = name.Length == 0 ? null : name;
            function.SlotSymbols = ReadIndices(r, fileSize, symbols.Length, "slot symbol");
            function.DynamicSlots = ReadIndices(r, fileSize, locals, "dynamic slot");
            function.Captures = ReadIndices(r, fileSize, symbols.Length, "captured symbol");
            if (function.SlotSymbols.Length != locals)
                throw new BytecodeException($"function {i} names {function.SlotSymbols.Length} slots but has {locals}");
            function.CaptureNames = [.. function.Captures.Select(c => symbols[c])];
            functions[i] = function;
        }

        var constants = new Value[Count(r, fileSize, "constants")];
        for (var i = 0; i < constants.Length; i++)
        {
            constants[i] = r.ReadByte() switch
            {
                BytecodeWriter.NumberConstant => new Value(r.ReadDouble()),
                BytecodeWriter.StringConstant => new Value(ArkString.FromBytes(r.ReadBytes(Count(r, fileSize, "string bytes")))),
                BytecodeWriter.FunctionConstant => new Value(functions[Index(r.ReadInt32(), functions.Length, "function")]),
                var tag => throw new BytecodeException($"constant {i} has an unknown type tag {tag}"),
            };
        }

        var code = ReadInts(r, fileSize, "code");
        var files = new string[Count(r, fileSize, "files")];
        for (var i = 0; i < files.Length; i++)
            files[i] = r.ReadString();
        var fileIds = ReadIndices(r, fileSize, Math.Max(files.Length, 1), "file");
        var lines = ReadInts(r, fileSize, "lines");
        var columns = ReadInts(r, fileSize, "columns");
        if (fileIds.Length != code.Length || lines.Length != code.Length || columns.Length != code.Length)
            throw new BytecodeException("the source map does not cover the code");
        if (files.Length == 0 && code.Length > 0)
            throw new BytecodeException("the source map names no file");

        return new CompiledProgram(code, constants, symbols, dynamic, readable, functions, new SourceMap(files, fileIds, lines, columns));
    }

    private static int Count(BinaryReader r, int fileSize, string what)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > fileSize)
            throw new BytecodeException($"invalid number of {what}: {count}");
        return count;
    }

    private static int Index(int value, int limit, string what) =>
        value >= 0 && value < limit ? value : throw new BytecodeException($"{what} index {value} out of range (0..{limit - 1})");

    private static int[] ReadInts(BinaryReader r, int fileSize, string what)
    {
        var values = new int[Count(r, fileSize, what)];
        for (var i = 0; i < values.Length; i++)
            values[i] = r.ReadInt32();
        return values;
    }

    private static int[] ReadIndices(BinaryReader r, int fileSize, int limit, string what)
    {
        var values = ReadInts(r, fileSize, what);
        foreach (var value in values)
            Index(value, limit, what);
        return values;
    }

    private static bool[] ReadFlags(BinaryReader r, int expected, string what)
    {
        var count = r.ReadInt32();
        if (count != expected)
            throw new BytecodeException($"{what}: {count} flags for {expected} symbols");
        var flags = new bool[count];
        for (var i = 0; i < count; i++)
            flags[i] = r.ReadBoolean();
        return flags;
    }
}
