using Ark.Cli;
using Ark.Compiler;
using Ark.Tests.ScriptRunner;
using Ark.Vm.Bytecode;

namespace Ark.Tests.Modules;

/// <summary>
/// <c>(import NAME)</c> of native modules through <c>ark</c>: binding, once-per-run registration,
/// futures, bytecode files, and every loading error with its message.
/// </summary>
[TestClass]
public sealed class ModuleLoadingTests
{
    private string _dir = "";

    private static string ShippedLib => Path.Combine(AppContext.BaseDirectory, "lib");

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ark-modules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    // the loaded module files stay locked on some systems; the folder is unique anyway
    [TestCleanup]
    public void DeleteFolder()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Puts the test modules' assembly at <paramref name="relative"/> (e.g. <c>greeter.dll</c>) under the test folder.</summary>
    private string Install(string relative, string? from = null)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(from ?? typeof(GreeterModule).Assembly.Location, path);
        return path;
    }

    private (int Code, string Out, string Err) RunScript(string code, params string[] extraArgs)
    {
        File.WriteAllText(Path.Combine(_dir, "main.ark"), code);
        return ArkProcess.Run(_dir, "", [.. extraArgs, "main.ark"]);
    }

    private void AssertLoadError(string code, string message)
    {
        var (exit, output, err) = RunScript(code);
        Assert.AreEqual($"ModuleError: {message}\n\n", output, err);
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, exit);
        Assert.AreEqual("At main.ark:1", err.TrimEnd('\n'));
    }

    [TestMethod]
    public void FunctionsAndConstantsAreBoundUnderTheModulesName()
    {
        Install("greeter.dll");
        var (code, output, err) = RunScript("""
            (import greeter)
            (print (greeter) ", " (greeter "you"))
            (print (greeter:twice (fun (x) (* x 3)) 2))
            (mut l greeter:numbers)
            (append! l 4)
            (print l " " greeter:numbers " " (type greeter:twice))
            """);
        Assert.AreEqual("hello, hello you\n18\n[1 2 3 4] [1 2 3] CProc\n", output, err);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void AnExceptionEscapingAModuleFunctionIsARuntimeError()
    {
        Install("greeter.dll");
        var (code, output, err) = RunScript("(import greeter)\n(print 1)\n(greeter:boom)");
        Assert.AreEqual("1\ngreeter:boom failed: InvalidOperationException: bad state\n", output, err);
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
    }

    [TestMethod]
    public void AnExceptionEscapingAModuleFunctionInAFutureIsRaisedAtTheAwait()
    {
        Install("greeter.dll");
        var (code, output, err) = RunScript("(import greeter)\n(let f (fun () (greeter:boom)))\n(await (async f))");
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
        StringAssert.StartsWith(output, "greeter:boom failed: InvalidOperationException: bad state\n", err);
    }

    [TestMethod]
    public void ModuleIsRegisteredOncePerRunWhateverImportsIt()
    {
        Install("greeter.dll");
        var (_, output, err) = RunScript("""
            (import greeter)
            (import greeter)
            (let f (fun () { (import greeter) greeter:registrations }))
            (mut futures [])
            (mut i 0)
            (while (< i 6) { (append! futures (async f)) (set i (+ i 1)) })
            (mut results [])
            (while (< 0 (len futures)) { (append! results (await (head futures))) (set futures (tail futures)) })
            (print greeter:registrations (f) results)
            """);
        Assert.AreEqual("11[1 1 1 1 1 1]\n", output, err);
    }

    [TestMethod]
    public void FuturesSeeTheModulesTheMainContextImported()
    {
        Install("greeter.dll");
        var (_, output, err) = RunScript("""
            (import greeter)
            (let f (fun (who) (greeter who)))
            (print (await (async f "future")))
            """);
        Assert.AreEqual("hello future\n", output, err);
    }

    [TestMethod]
    public void AFutureCanImportAModuleItself()
    {
        Install("greeter.dll");
        var (_, output, err) = RunScript("""
            (let f (fun () { (import greeter) (greeter "from a future") }))
            (print (await (async f)))
            """);
        Assert.AreEqual("hello from a future\n", output, err);
    }

    [TestMethod]
    public void PackagePathIsAFolder()
    {
        Install("pkg/greeter.dll");
        Assert.AreEqual((0, "hello\n", ""), RunScript("(import pkg.greeter)\n(print (greeter))"));
    }

    [TestMethod]
    public void LibraryFoldersAreSearched()
    {
        Install("elsewhere/greeter.dll");
        Assert.AreEqual((0, "hello\n", ""), RunScript("(import greeter)\n(print (greeter))", "-L", Path.Combine(_dir, "elsewhere")));
    }

    [TestMethod]
    public void AnArkFileComesBeforeAModuleOfTheSameName()
    {
        Install("greeter.dll");
        File.WriteAllText(Path.Combine(_dir, "greeter.ark"), "(let greeter (fun () \"from the file\"))");
        Assert.AreEqual((0, "from the file\n", ""), RunScript("(import greeter)\n(print (greeter))"));
    }

    [TestMethod]
    public void BytecodeFileLoadsItsModulesWhenItRuns()
    {
        Install("greeter.dll");
        File.WriteAllText(Path.Combine(_dir, "main.ark"), "(import greeter)\n(print (greeter \"bytecode\"))");
        Assert.AreEqual((0, "", ""), ArkProcess.Run(_dir, "", "-c", "main.ark"));
        Assert.AreEqual((0, "hello bytecode\n", ""), ArkProcess.Run(_dir, "", "main.arkc"));
    }

    [TestMethod]
    public void BytecodeWhosePluginOperandIsNotAPathIsRefused()
    {
        Install("greeter.dll");
        var program = ArkCompiler.Compile("(import greeter)\n(print 42)", Path.Combine(_dir, "main.ark"));
        var plugin = Array.FindIndex(program.Code, w => Instruction.Op(w) == OpCode.Plugin);
        var number = Array.FindIndex(program.Constants, c => c.IsNumber);
        program.Code[plugin] = Instruction.Make(OpCode.Plugin, number);
        var stream = new MemoryStream();
        BytecodeWriter.Write(program, stream);
        File.WriteAllBytes(Path.Combine(_dir, "bad.arkc"), stream.ToArray());
        var (code, output, _) = ArkProcess.Run(_dir, "", "bad.arkc");
        Assert.AreEqual(ArkCommand.CompileErrorExit, code);
        StringAssert.StartsWith(output, "Invalid bytecode file 'bad.arkc': ");
        StringAssert.Contains(output, $"constant {number} is not a ArkString");
    }

    [TestMethod]
    public void MissingModuleIsACompileErrorListingThePathsSearched()
    {
        var (code, output, _) = RunScript("(import nosuch)");
        Assert.AreEqual(ArkCommand.CompileErrorExit, code);
        Assert.AreEqual($"""
            In file main.ark
            At (import nosuch) @ 1:15
                1 | (import nosuch)
                  | ^~~~~~~~~~~~~~~
                    While processing file main.ark, couldn't import nosuch: file not found
                    Searched in:
                      - {_dir}/nosuch.ark
                      - {_dir}/nosuch.dll
                      - {ShippedLib}/nosuch.ark
                      - {ShippedLib}/nosuch.dll

            """, output);
    }

    [TestMethod]
    public void ModuleMissingWhenBytecodeRunsListsThePathsSearched()
    {
        var module = Install("greeter.dll");
        File.WriteAllText(Path.Combine(_dir, "main.ark"), "(import greeter)");
        Assert.AreEqual(0, ArkProcess.Run(_dir, "", "-c", "main.ark").ExitCode);
        File.Delete(module);
        var (code, output, err) = ArkProcess.Run(_dir, "", "main.arkc");
        Assert.AreEqual(
            $"ModuleError: Could not find module 'greeter.dll'. Searched in:\n  - {_dir}/greeter.dll\n  - {ShippedLib}/greeter.dll\n\n",
            output, err);
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
    }

    [TestMethod]
    public void FileThatIsNotAnAssembly()
    {
        File.WriteAllText(Path.Combine(_dir, "fake.dll"), "not a module");
        AssertLoadError("(import fake)", $"Could not load module {_dir}/fake.dll: it is not a .NET assembly");
    }

    [TestMethod]
    public void AssemblyWithoutAModuleOfThatName()
    {
        Install("other.dll", Path.Combine(ShippedLib, "bitwise.dll"));
        AssertLoadError("(import other)",
            $"Could not load module {_dir}/other.dll: it has no public class implementing Ark.Vm.Modules.IArkModule named 'other' " +
            "(found: Ark.Modules.Bitwise.BitwiseModule named 'bitwise')");
    }

    [TestMethod]
    public void RegisterThatThrows()
    {
        Install("throwing.dll");
        AssertLoadError("(import throwing)", $"Could not load module {_dir}/throwing.dll: its Register method failed: the module is broken");
    }

    [TestMethod]
    public void RegisterThatBindsANameTwice()
    {
        Install("duplicate.dll");
        AssertLoadError("(import duplicate)", $"Could not load module {_dir}/duplicate.dll: its Register method failed: module duplicate binds 'duplicate:x' twice");
    }

    [TestMethod]
    public void TwoModulesWithTheImportedName()
    {
        Install("twins.dll");
        AssertLoadError("(import twins)",
            $"Could not load module {_dir}/twins.dll: it has 2 modules named 'twins': Ark.Tests.Modules.TwinOneModule, Ark.Tests.Modules.TwinTwoModule");
    }

    [TestMethod]
    public void ModuleThatCanNotBeCreated()
    {
        Install("broken.dll");
        var (code, output, _) = RunScript("(import broken)");
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
        StringAssert.StartsWith(output, $"ModuleError: Could not load module {_dir}/broken.dll: it has no public class implementing Ark.Vm.Modules.IArkModule named 'broken' (found: ");
        StringAssert.Contains(output, "Ark.Tests.Modules.BrokenConstructorModule (creating it failed: no resources)");
        StringAssert.Contains(output, "Ark.Tests.Modules.GreeterModule named 'greeter'");
    }

    [TestMethod]
    public void FailureInsideAFunctionIsReportedAtTheImport()
    {
        Install("throwing.dll");
        var (code, output, err) = RunScript("(let f (fun () (import throwing)))\n(f)");
        Assert.AreEqual(ArkCommand.RuntimeErrorExit, code);
        StringAssert.StartsWith(output, $"ModuleError: Could not load module {_dir}/throwing.dll: its Register method failed: the module is broken\n\n[2] In function `f'");
        Assert.AreEqual("At main.ark:1\n  called from main.ark:2", err.TrimEnd('\n'));
    }
}
