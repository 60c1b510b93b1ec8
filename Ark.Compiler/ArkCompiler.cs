using Ark.Compiler.CodeGen;
using Ark.Compiler.Macros;
using Ark.Compiler.Resolution;
using Ark.Compiler.Syntax;
using Ark.Vm.Bytecode;

namespace Ark.Compiler;

/// <summary>
/// The compilation pipeline: source text to tokens and AST, macros expanded, names checked, bytecode
/// generated. Errors are thrown as <see cref="Diagnostics.CodeError"/> with their location.
/// </summary>
public static class ArkCompiler
{
    /// <summary>Compiles the source text of <paramref name="file"/>.</summary>
    public static CompiledProgram Compile(string source, string file)
    {
        var ast = Parser.Parse(source, file);
        ast = MacroProcessor.Expand(ast);
        NameResolver.Check(ast);
        return CodeGenerator.Generate(ast);
    }
}
