using Ark.Cli;
using Ark.Compiler;
using Ark.Compiler.Diagnostics;
using Ark.Vm.Bytecode;

namespace Ark.Tests.ScriptRunner;

/// <summary>Runs every script under Scripts/ through <c>ark</c> and compares its whole output and exit code.</summary>
[TestClass]
public sealed class ScriptTests
{
    public static IEnumerable<object[]> Cases => ScriptCase.All().Select(c => new object[] { c.Name });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Script(string name)
    {
        var script = new ScriptCase(Path.Combine(ScriptCase.Root, name));
        var (code, stdout, stderr) = ArkProcess.Run(Path.GetDirectoryName(script.Path)!, "", Path.GetFileName(script.Path));
        Assert.AreEqual(script.ExpectedOutput, stdout, $"output of {name} (stderr: {stderr})");
        Assert.AreEqual(script.ExpectedExitCode, code, $"exit code of {name} (stderr: {stderr})");
    }

    /// <summary>
    /// The loop reads stack slots without bounds checks, trusting each function's declared stack
    /// size; for bytecode files the verifier proves it, and here it proves it of the compiler's own
    /// output for every script that compiles (reading bytecode runs the verifier).
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void CompiledScriptPassesTheVerifier(string name)
    {
        var script = new ScriptCase(Path.Combine(ScriptCase.Root, name));
        CompiledProgram program;
        try
        {
            program = ArkCompiler.Compile(File.ReadAllText(script.Path), script.Path, LibraryPaths.Resolve(null));
        }
        catch (CodeError)
        {
            return;
        }
        var file = new MemoryStream();
        BytecodeWriter.Write(program, file);
        BytecodeReader.Read(file.ToArray());
    }

    [TestMethod]
    public void ScriptsAreFound() => Assert.IsTrue(ScriptCase.All().Count() > 100, "the script tests were not copied next to the test assembly");
}
