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

    [TestMethod]
    public void ScriptsAreFound() => Assert.IsTrue(ScriptCase.All().Count() > 100, "the script tests were not copied next to the test assembly");
}
