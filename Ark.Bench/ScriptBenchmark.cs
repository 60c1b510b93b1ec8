using Ark.Compiler;
using Ark.Vm.Bytecode;
using Ark.Vm.Execution;

namespace Ark.Bench;

/// <summary>
/// A program from Programs/, compiled once, run against a host that discards output. The
/// arguments are the program's <c>sys:args</c>: most programs take their size from them, so that
/// one file serves the reference's size and heavier ones (and runs the same way under <c>ark</c>).
/// </summary>
public sealed class ScriptBenchmark
{
    private readonly CompiledProgram _program;
    private readonly string[] _args;

    public ScriptBenchmark(string name, params string[] args)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Programs", name + ".ark");
        _program = ArkCompiler.Compile(File.ReadAllText(path), path);
        _args = args;
    }

    public int Run() => new VirtualMachine(_program, new ArkHost(Stream.Null, TextReader.Null) { ScriptArgs = _args }).Run();
}
