using System.Text.RegularExpressions;
using Ark.Tests.TestSupport;

namespace Ark.Tests.Modules;

/// <summary>
/// The README's examples of functions that wait (<see cref="ReadmeWaitingModule"/>, which
/// mirrors them): they are the code the module runs, and they work, from futures too.
/// </summary>
[TestClass]
public sealed partial class ReadmeWaitingExamplesTests
{
    private static ModuleFolder? _module;

    [ClassInitialize]
    public static void Install(TestContext _) => _module = new ModuleFolder("mymodule");

    [ClassCleanup]
    public static void Remove() => _module?.Dispose();

    private static string Dir => _module!.Path;

    private static string Run(string source) => BoundedRun.Run(source, [Dir]);

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>Lines without their indentation: the README and the test indent the same code differently.</summary>
    private static string Unindented(string code) =>
        string.Join("\n", code.Replace("\r\n", "\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    [TestMethod]
    [DataRow("module.AsyncFunction(\"lineCount\"")]
    [DataRow("module.Function(\"fileCount\"")]
    public void TheReadmeShowsTheCodeThatIsTested(string start)
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "README.md"));
        var example = CSharpBlock().Matches(readme.Replace("\r\n", "\n"))
            .Select(m => m.Groups[1].Value)
            .SingleOrDefault(code => code.StartsWith(start, StringComparison.Ordinal));
        Assert.IsNotNull(example, $"the README has no example starting with {start}");
        var tested = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "ReadmeWaitingModule.cs"));
        StringAssert.Contains(Unindented(tested), Unindented(example), "the README's example differs from ReadmeWaitingModule");
    }

    [TestMethod]
    public void LineCountReadsTheFile()
    {
        var file = Path.Combine(Dir, "three-lines.txt");
        File.WriteAllText(file, "one\ntwo\nthree\n");
        Assert.AreEqual("3\n[3 3 3]\n", Run($$"""
            (import mymodule)
            (print (mymodule:lineCount "{{file}}"))
            (let a (async mymodule:lineCount "{{file}}"))
            (let b (async mymodule:lineCount "{{file}}"))
            (print [(mymodule:lineCount "{{file}}") (await a) (await b)])
            """));
    }

    [TestMethod]
    public void LineCountOfAMissingFileIsAnErrorNamingTheFunction()
    {
        var missing = Path.Combine(Dir, "missing.txt");
        var e = BoundedRun.Fails($"(import mymodule)\n(mymodule:lineCount \"{missing}\")", [Dir]);
        Assert.AreEqual($"mymodule:lineCount failed: FileNotFoundException: Could not find file '{missing}'.", e.Error.Display.TrimEnd('\n'));
        StringAssert.StartsWith(e.Location, "At test.ark:2");
    }

    [TestMethod]
    public void LineCountChecksItsArgument() =>
        Assert.AreEqual(
            "Function mymodule:lineCount expected 1 argument\n  -> path (String) was of type Number\n",
            BoundedRun.Fails("(import mymodule)\n(mymodule:lineCount 1)", [Dir]).Error.Display.Replace("TypeError: ", ""));

    [TestMethod]
    public void FileCountWalksTheFolder()
    {
        var folder = Path.Combine(Dir, "tree");
        Directory.CreateDirectory(Path.Combine(folder, "a", "b"));
        File.WriteAllText(Path.Combine(folder, "1"), "");
        File.WriteAllText(Path.Combine(folder, "a", "2"), "");
        File.WriteAllText(Path.Combine(folder, "a", "b", "3"), "");
        Assert.AreEqual("3 3\n", Run($$"""
            (import mymodule)
            (let f (async mymodule:fileCount "{{folder}}"))
            (print (mymodule:fileCount "{{folder}}") " " (await f))
            """));
    }

    [TestMethod]
    public void FileCountChecksItsArgument() =>
        Assert.AreEqual(
            "Function mymodule:fileCount expected 1 argument\n  -> folder (String) was of type Nil\n",
            BoundedRun.Fails("(import mymodule)\n(mymodule:fileCount nil)", [Dir]).Error.Display.Replace("TypeError: ", ""));
}
