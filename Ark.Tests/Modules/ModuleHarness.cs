using System.Text;
using Ark.Compiler;
using Ark.Vm.Execution;

namespace Ark.Tests.Modules;

/// <summary>
/// Runs ArkScript code that imports first-party modules, found as ark finds them: in the lib
/// folder shipped next to the tests.
/// </summary>
internal static class ModuleHarness
{
    public static string ShippedLib => Path.Combine(AppContext.BaseDirectory, "lib");

    /// <summary>Runs <paramref name="source"/> and returns what it printed; runtime errors propagate.</summary>
    /// <param name="source">The program.</param>
    /// <param name="colorOutput">Whether the output counts as a colour terminal.</param>
    public static string Run(string source, bool colorOutput = false)
    {
        var program = ArkCompiler.Compile(source, "test.ark", [ShippedLib]);
        var output = new MemoryStream();
        var host = new ArkHost(output, new StringReader(""))
        {
            LibraryPaths = [ShippedLib],
            ColorOutput = colorOutput,
        };
        new VirtualMachine(program, host).Run();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Runs <paramref name="source"/>, expecting a runtime error, and returns the error as ark prints it.</summary>
    public static string Error(string source)
    {
        try
        {
            Run(source);
        }
        catch (ArkRuntimeError e)
        {
            return e.Report;
        }
        Assert.Fail("the program was expected to fail at run time");
        return "";
    }
}
