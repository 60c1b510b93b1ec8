using Ark.Compiler;
using Ark.Vm.Bytecode;
using Ark.Vm.Execution;

namespace Ark.Bench;

/// <summary>A program from Programs/, compiled once, run against a host that discards output.</summary>
public sealed class ScriptBenchmark
{
    private readonly CompiledProgram _program;

    public ScriptBenchmark(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Programs", name + ".ark");
        _program = ArkCompiler.Compile(File.ReadAllText(path), path);
    }

    public int Run() => new VirtualMachine(_program, new ArkHost(Stream.Null, TextReader.Null)).Run();
}
