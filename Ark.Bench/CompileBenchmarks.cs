using Ark.Compiler;
using Ark.Compiler.Syntax;
using Ark.Vm.Bytecode;
using BenchmarkDotNet.Attributes;

namespace Ark.Bench;

/// <summary>
/// The front end on large inputs, parsing alone and the whole compilation (parsing, imports,
/// macros, name checks, code generation), each on two inputs:
/// <list type="bullet">
/// <item>Programs/large_source.ark: 5,000 lines of documented functions, 64 blocks of the same
/// shapes under different names, written by generate_large_source.py;</item>
/// <item>the standard library: every lib/std file parsed, or a program that imports every std
/// module compiled (the import solver reads the files, from the page cache after the first time).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[Measure(warmupCount: 3, iterationCount: 20)]
public class CompileBenchmarks
{
    private static readonly string BaseDirectory = AppContext.BaseDirectory;
    private static readonly string LibraryPath = Path.Combine(BaseDirectory, "lib");

    private readonly string _largePath = Path.Combine(BaseDirectory, "Programs", "large_source.ark");
    private readonly string _largeSource;
    private readonly (string Path, string Source)[] _stdFiles;
    private readonly string _stdProgramPath = Path.Combine(BaseDirectory, "import_all_std.ark");
    private readonly string _stdProgram;

    public CompileBenchmarks()
    {
        _largeSource = File.ReadAllText(_largePath);
        _stdFiles = Directory.GetFiles(Path.Combine(LibraryPath, "std"), "*.ark")
            .Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(path)))
            .ToArray();
        if (_stdFiles.Length == 0)
            throw new InvalidOperationException($"no standard library files in {LibraryPath}");
        _stdProgram = string.Concat(_stdFiles.Select(file => $"(import std.{Path.GetFileNameWithoutExtension(file.Path)})\n"));
    }

    [Benchmark(Description = "parse: 5,000-line generated program")]
    public Node ParseLarge() => Parser.ParseProgram(_largeSource, _largePath).Ast;

    [Benchmark(Description = "compile: 5,000-line generated program")]
    public CompiledProgram CompileLarge() => ArkCompiler.Compile(_largeSource, _largePath);

    [Benchmark(Description = "parse: every lib/std file")]
    public int ParseStd()
    {
        var forms = 0;
        foreach (var (path, source) in _stdFiles)
            forms += Parser.ParseProgram(source, path).Ast.Children.Count;
        return forms;
    }

    [Benchmark(Description = "compile: a program importing all of lib/std")]
    public CompiledProgram CompileStd() => ArkCompiler.Compile(_stdProgram, _stdProgramPath, [LibraryPath]);
}
