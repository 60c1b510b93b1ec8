using Ark.Compiler.CodeGen;
using Ark.Compiler.Imports;
using Ark.Compiler.Macros;
using Ark.Compiler.Resolution;
using Ark.Compiler.Syntax;
using Ark.Vm.Bytecode;

namespace Ark.Compiler;

/// <summary>
/// The compilation pipeline, in the reference's order: source text to AST, imports included,
/// macros expanded, names checked, bytecode generated. Errors are thrown as
/// <see cref="Diagnostics.CodeError"/> with their location.
/// </summary>
public static class ArkCompiler
{
    /// <summary>Compiles the source text of <paramref name="file"/>.</summary>
    /// <param name="source">The program text.</param>
    /// <param name="file">The file name, used for messages and to find imports next to it.</param>
    /// <param name="libraryPaths">Folders searched for imported files after the program's own folder.</param>
    public static CompiledProgram Compile(string source, string file, IReadOnlyList<string>? libraryPaths = null) =>
        Compile(Parser.ParseProgram(source, file), file, libraryPaths);

    /// <summary>Compiles <paramref name="file"/> from its UTF-8 bytes, as read from disk.</summary>
    /// <param name="utf8Source">The program text, UTF-8 encoded.</param>
    /// <param name="file">The file name, used for messages and to find imports next to it.</param>
    /// <param name="libraryPaths">Folders searched for imported files after the program's own folder.</param>
    public static CompiledProgram Compile(byte[] utf8Source, string file, IReadOnlyList<string>? libraryPaths = null) =>
        Compile(Parser.ParseProgram(utf8Source, file), file, libraryPaths);

    private static CompiledProgram Compile(ParsedProgram parsed, string file, IReadOnlyList<string>? libraryPaths)
    {
        var ast = new ImportSolver(file, libraryPaths ?? []).Solve(parsed, file);
        ast = MacroProcessor.Expand(ast);
        NameResolver.Check(ast);
        return CodeGenerator.Generate(ast);
    }
}
