using Ark.Compiler.Diagnostics;
using static Ark.Tests.TestSupport.ArkRun;

namespace Ark.Tests.Imports;

[TestClass]
public sealed class ImportSolverTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "ark-imports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "pkg"));
        Directory.CreateDirectory(Path.Combine(_root, "lib", "shared"));
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_root, true);

    private string Write(string relative, string code)
    {
        var path = Path.Combine(_root, relative);
        File.WriteAllText(path, code);
        return path;
    }

    private string RunMain(string code) =>
        Run(code, libraryPaths: [Path.Combine(_root, "lib")], file: Write("main.ark", code));

    [TestMethod]
    public void DottedPathFindsAFileNextToTheProgram()
    {
        Write("pkg/util.ark", "(let double (fun (x) (* 2 x)))");
        Assert.AreEqual("42\n", RunMain("(import pkg.util)\n(print (double 21))"));
    }

    [TestMethod]
    public void LibraryFoldersAreSearchedAfterTheProgramsFolder()
    {
        Write("lib/shared/greet.ark", "(let greet (fun (n) (print \"hi \" n)))");
        Assert.AreEqual("hi bob\n", RunMain("(import shared.greet)\n(greet \"bob\")"));
    }

    [TestMethod]
    public void AFileIsIncludedOnce()
    {
        Write("pkg/noisy.ark", "(print \"loaded\")");
        Write("pkg/other.ark", "(import pkg.noisy)");
        Assert.AreEqual("loaded\n", RunMain("(import pkg.noisy)\n(import pkg.other)\n(import pkg.noisy :x)"));
    }

    [TestMethod]
    public void SelectiveAndGlobImportsIncludeTheFile()
    {
        Write("pkg/m.ark", "(let m:one 1)");
        Assert.AreEqual("1\n", RunMain("(import pkg.m :one)\n(import pkg.m:*)\n(print m:one)"));
    }

    [TestMethod]
    public void CycleIsAnError()
    {
        Write("pkg/a.ark", "(import pkg.b)");
        Write("pkg/b.ark", "(import pkg.a)");
        var e = Assert.ThrowsExactly<CodeError>(() => RunMain("(import pkg.a)"));
        Assert.AreEqual("Import cycle: a.ark -> b.ark -> a.ark. A file can not import a file that imports it.", e.Message);
    }

    [TestMethod]
    public void MissingFileListsThePathsSearched()
    {
        var e = Assert.ThrowsExactly<CodeError>(() => RunMain("(import no.such)"));
        var main = Path.Combine(_root, "main.ark");
        Assert.AreEqual(
            $"While processing file {main}, couldn't import no.such: file not found\nSearched in:\n" +
            $"  - {Path.Combine(_root, "no/such.ark")}\n  - {Path.Combine(_root, "no/such.dll")}\n" +
            $"  - {Path.Combine(_root, "lib", "no/such.ark")}\n  - {Path.Combine(_root, "lib", "no/such.dll")}",
            e.Message);
    }
}
