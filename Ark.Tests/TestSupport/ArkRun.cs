using System.Text;
using Ark.Compiler;
using Ark.Vm.Execution;

namespace Ark.Tests.TestSupport;

/// <summary>Compiles and runs ArkScript source in-process, capturing what it prints.</summary>
internal static class ArkRun
{
    /// <summary>Runs <paramref name="source"/> and returns its output; runtime errors propagate.</summary>
    public static string Run(string source, string? stdin = null, IReadOnlyList<string>? libraryPaths = null, string file = "test.ark")
    {
        var program = ArkCompiler.Compile(source, file, libraryPaths);
        var output = new MemoryStream();
        var host = new ArkHost(output, new StringReader(stdin ?? ""))
        {
            LibraryPaths = libraryPaths ?? [],
            ProgramDirectory = Path.GetDirectoryName(Path.GetFullPath(file)),
        };
        new VirtualMachine(program, host).Run();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Runs <paramref name="source"/>, expecting a runtime error, and returns it.</summary>
    public static ArkRuntimeError Fails(string source)
    {
        try
        {
            Run(source);
        }
        catch (ArkRuntimeError e)
        {
            return e;
        }
        Assert.Fail("the program was expected to fail at run time");
        throw new InvalidOperationException();
    }
}
