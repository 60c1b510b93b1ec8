using System.Text.RegularExpressions;
using Ark.Cli;
using Ark.Compiler;
using Ark.Tests.ScriptRunner;
using Ark.Vm.Bytecode;

namespace Ark.Tests.Std;

/// <summary>
/// Runs the standard library's own test suite (lib/std/tests, written in ArkScript with
/// std.Testing) through <c>ark</c> and compares its whole report, timings aside.
/// </summary>
[TestClass]
public sealed partial class StdLibTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "StdTests");

    [GeneratedRegex(@" in [0-9.]+ms")]
    private static partial Regex Timing();

    [TestMethod]
    public void EveryStdSuitePasses()
    {
        var (code, output, error) = ArkProcess.Run(Folder, "", "all.ark");
        var report = Timing().Replace(output, " in Xms");
        Assert.AreEqual(File.ReadAllText(Path.Combine(Folder, "all.expected")), report, error);
        Assert.AreEqual(0, code, error);
    }

    /// <summary>
    /// Every std suite compiles, with the modules it imports, to code the bytecode verifier
    /// accepts: the loop trusts each function's declared stack size.
    /// </summary>
    [TestMethod]
    public void EveryStdSuiteCompilesToVerifiableCode()
    {
        var suites = Directory.GetFiles(Folder, "*.ark");
        Assert.IsTrue(suites.Length > 5, "the std suites were not copied next to the tests");
        foreach (var suite in suites)
        {
            var program = ArkCompiler.Compile(File.ReadAllBytes(suite), suite, LibraryPaths.Resolve(null));
            var file = new MemoryStream();
            BytecodeWriter.Write(program, file);
            BytecodeReader.Read(file.ToArray());
        }
    }
}
