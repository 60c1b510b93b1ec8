using System.Text.RegularExpressions;
using Ark.Tests.ScriptRunner;

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
}
