using Ark.Cli;
using Ark.Tests.ScriptRunner;
using Ark.Vm;

namespace Ark.Tests.Cli;

[TestClass]
public sealed class CliTests
{
    private static (int Code, string Out, string Err) Ark(params string[] args) => ArkProcess.Run(Path.GetTempPath(), "", args);

    [TestMethod]
    public void VersionNamesTheFlavour()
    {
        var (code, output, _) = Ark("--version");
        Assert.AreEqual(0, code);
        Assert.AreEqual($"{ArkVersion.Full} ({ArkVersion.Flavour})\n", output);
    }

    [TestMethod]
    public void HelpDescribesTheOptions()
    {
        var (code, output, _) = Ark("--help");
        Assert.AreEqual(0, code);
        StringAssert.Contains(output, "ark [options] FILE [ARGS...]");
        StringAssert.Contains(output, "-L, --lib DIRS");
        StringAssert.Contains(output, "-e, --eval CODE");
        StringAssert.Contains(output, "or else the native module a/b.dll");
    }

    [TestMethod]
    public void NoArgumentsPrintsTheHelp() => StringAssert.Contains(Ark().Out, "Usage:");

    [TestMethod]
    public void EvalRunsCode() => Assert.AreEqual((0, "3\n", ""), Ark("-e", "(print (+ 1 2))"));

    [TestMethod]
    public void ScriptArgumentsAreSysArgs()
    {
        var file = Path.Combine(Path.GetTempPath(), $"args-{Guid.NewGuid():N}.ark");
        File.WriteAllText(file, "(print sys:args)");
        try
        {
            Assert.AreEqual((0, "[\"a\" \"-b\" \"c d\"]\n", ""), Ark(file, "a", "-b", "c d"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void MissingFile()
    {
        var (code, output, _) = Ark("/nonexistent/x.ark");
        Assert.AreEqual(ArkCommand.CompileErrorExit, code);
        Assert.AreEqual("Can not find file '/nonexistent/x.ark'\n", output);
    }

    [TestMethod]
    public void UnknownOption()
    {
        var (code, output, error) = Ark("--frobnicate");
        Assert.AreEqual(ArkCommand.UsageExit, code);
        Assert.AreEqual("", output);
        Assert.AreEqual("'--frobnicate' isn't a valid argument\nTry 'ark --help' for more information.\n", error);
    }

    [TestMethod]
    public void LibOptionNeedsAValue() => Assert.AreEqual("'-L' needs a directory\nTry 'ark --help' for more information.\n", Ark("-L").Err);

    [TestMethod]
    public void RuntimeErrorExitsWithOneAndLocatesTheError()
    {
        var (code, output, error) = Ark("-e", "(let f (fun (x) (/ x 0)))\n(f 1)");
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
        Assert.AreEqual("DivisionByZero: Can not compute expression (/ 1 0)\n\n[2] In function `f'\n[1] In global scope\n\nCurrent scope variables values:\nf = Function @ 1\nx = 1\n", output);
        Assert.AreEqual("At FILE:1\n  called from FILE:2\n", error);
    }

    [TestMethod]
    public void ErrorsOfALocalReadFusedWithItsOperationPointAtTheirOwnPart()
    {
        // `(- y 1)` and `(< y 2)` each run as one instruction. An unbound y is the read's error and
        // a y of the wrong type the operation's; each reports the line the separate instructions
        // reported (the read's is the reference's odd numbering of a list whose `(` ends a line)
        static string Location(string code) => Ark("-e", code).Err.Split('\n')[0];
        const string Binding = "(let f (fun (c) {\n  (if c (let y \"s\"))\n";
        Assert.AreEqual("At FILE:6", Location(Binding + "  (-\n    y 1) }))\n(f false)\n(print 0)"));
        Assert.AreEqual("At FILE:3", Location(Binding + "  (-\n    y 1) }))\n(f true)"));
        Assert.AreEqual("At FILE:5", Location(Binding + "  (if (<\n    y 2) 1 0) }))\n(f false)\n(print 0)"));
        Assert.AreEqual("At FILE:3", Location(Binding + "  (+\n    y 2.5) }))\n(f true)"));
    }

    [TestMethod]
    public void AFileThatCannotBeReadIsReported()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Inconclusive("reads Linux's /proc/self/mem, which exists but fails to read");
        var (code, output, _) = Ark("/proc/self/mem");
        Assert.AreEqual(ArkCommand.CompileErrorExit, code);
        Assert.AreEqual("Can not read file '/proc/self/mem': Input/output error : '/proc/self/mem'\n", output);
    }

    [TestMethod]
    public void BytecodeThatCannotBeWrittenIsReported()
    {
        var source = Path.Combine(Path.GetTempPath(), $"unwritable-{Guid.NewGuid():N}.ark");
        var target = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "out.arkc");
        File.WriteAllText(source, "(print 1)");
        try
        {
            var (code, output, _) = Ark("-c", source, "-o", target);
            Assert.AreEqual(ArkCommand.CompileErrorExit, code);
            Assert.AreEqual($"Can not write file '{target}': Could not find a part of the path '{target}'.\n", output);
        }
        finally
        {
            File.Delete(source);
        }
    }

    [TestMethod]
    public void CompileErrorExitsWith255()
    {
        var (code, output, _) = Ark("-e", "(print (+ 1");
        Assert.AreEqual(ArkCommand.CompileErrorExit, code);
        StringAssert.StartsWith(output, "At ");
    }

    [TestMethod]
    public void LibPathIsSearchedForImports()
    {
        var lib = Path.Combine(Path.GetTempPath(), $"lib-{Guid.NewGuid():N}");
        Directory.CreateDirectory(lib);
        File.WriteAllText(Path.Combine(lib, "helper.ark"), "(let helped 7)");
        try
        {
            Assert.AreEqual((0, "7\n", ""), Ark("-L", lib, "-e", "(import helper)\n(print helped)"));
        }
        finally
        {
            Directory.Delete(lib, true);
        }
    }

    [TestMethod]
    public void SourceNestedTooDeeplyIsACompileErrorNotACrash()
    {
        var (code, output, _) = Ark("-e", "(print " + new string('[', 200_000) + new string(']', 200_000) + ")");
        Assert.AreEqual(ArkCommand.CompileErrorExit, code);
        // where the parser runs out of stack depends on the machine: only the message is fixed
        StringAssert.StartsWith(output, "At [ @ 1:");
        StringAssert.EndsWith(output, "\n        Too deeply nested: the parser ran out of stack\n");
    }

    [TestMethod]
    public void ValueNestedTooDeeplyToPrintIsARuntimeErrorNotACrash()
    {
        var (code, output, _) = Ark("-e", "(mut a []) (mut i 0) (while (< i 300000) { (set a [a]) (set i (+ i 1)) }) (print (len a)) (print a)");
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
        Assert.AreEqual("1\nVMError: Maximum nesting depth exceeded: a value is nested too deeply to be printed or compared\n\n", output);
    }

    [TestMethod]
    public void FailedFutureThatIsNeverAwaitedIsReported()
    {
        var (code, output, error) = Ark("-e", "(let f (fun (x) (/ x 0)))\n(async f 1)\n(print \"done\")");
        // the error is not lost in the exit code either
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
        Assert.AreEqual("done\n", output);
        Assert.AreEqual(
            "A future failed and was never awaited: DivisionByZero: Can not compute expression (/ 1 0)\nAt FILE:1\n  in a future started at FILE:2\n",
            error);
    }

    [TestMethod]
    public void FutureErrorReportNamesBothPlaces()
    {
        var (code, output, error) = Ark("-e", "(let f (fun (x) (@ x 5)))\n(let fut (async f [1]))\n(await fut)");
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
        Assert.AreEqual("IndexError: 5 out of range [1] (length 1)\n\n", output);
        Assert.AreEqual("At FILE:1\n  in a future started at FILE:2\n  awaited at FILE:3\n", error);
    }

    [TestMethod]
    public void OptionsThatNeedAValue()
    {
        const string Hint = "Try 'ark --help' for more information.\n";
        Assert.AreEqual((ArkCommand.UsageExit, "", "'-e' needs an expression\n" + Hint), Ark("-e"));
        Assert.AreEqual((ArkCommand.UsageExit, "", "'--compile' needs a file\n" + Hint), Ark("--compile"));
        Assert.AreEqual((ArkCommand.UsageExit, "", "'--frob' isn't a valid argument\n" + Hint), Ark("-c", "x.ark", "--frob"));
    }

    [TestMethod]
    public void CompilingBytecodeAgainIsRefused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"twice-{Guid.NewGuid():N}.arkc");
        File.WriteAllBytes(file, [.. "ARKSHARP"u8, 1, 0]);
        try
        {
            Assert.AreEqual((ArkCommand.UsageExit, "", $"'{file}' is already bytecode\n"), Ark("-c", file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
