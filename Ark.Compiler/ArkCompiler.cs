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
    public static CompiledProgram Compile(string source, string file, IReadOnlyList<string>? libraryPaths = null)
    {
        var parsed = Parser.ParseProgram(source, file);
        var ast = new ImportSolver(file, libraryPaths ?? []).Solve(parsed, file);
        ast = MacroProcessor.Expand(ast);
        NameResolver.Check(ast);
        return CodeGenerator.Generate(ast);
    }
}
