using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class IoBuiltinsTests
{
    private string _dir = "";

    [TestInitialize]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ark-io-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, true);
    }

    [TestMethod]
    public void PrintAndPuts()
    {
        var h = new Harness();
        Assert.AreEqual(ValueKind.Nil, h.Call(IoBuiltins.Print, S("a"), N(1), Value.Nil).Kind);
        h.Call(IoBuiltins.Puts, S("x"), L(N(1), S("s")));
        h.Call(IoBuiltins.Puts);
        h.Call(IoBuiltins.Print);
        h.Call(IoBuiltins.Print, N(1.5), S("🥳"));
        Assert.AreEqual("a1nil\nx[1 \"s\"]\n1.5🥳\n", h.Output);
    }

    [TestMethod]
    public void InputWritesPromptAndReadsLine()
    {
        var h = new Harness("first line\nsecond\n");
        Assert.AreEqual("first line", Show(h.Call(IoBuiltins.Input, S("prompt> "))));
        Assert.AreEqual("second", Show(h.Call(IoBuiltins.Input)));
        Assert.AreEqual("", Show(h.Call(IoBuiltins.Input)));
        Assert.AreEqual("prompt> ", h.Output);
        AssertError(Fails(() => h.Call(IoBuiltins.Input, N(1))), ErrorKind.Type,
            "Function input expected between 0 argument and 1 argument\nAlternative 2:\n  -> prompt (String) was of type Number\n");
    }

    [TestMethod]
    public void WriteAppendReadFiles()
    {
        var h = new Harness();
        var file = Path.Combine(_dir, "f.txt");
        Assert.AreEqual(ValueKind.False, h.Call(IoBuiltins.FileExists, S(file)).Kind);
        h.Call(IoBuiltins.WriteFile, S(file), S("héllo"));
        h.Call(IoBuiltins.AppendToFile, S(file), L(N(1), S("a")));
        h.Call(IoBuiltins.AppendToFile, S(file), N(2.5));
        Assert.AreEqual("héllo[1 \"a\"]2.5", Show(h.Call(IoBuiltins.ReadFile, S(file))));
        h.Call(IoBuiltins.WriteFile, S(file), Value.Nil);
        Assert.AreEqual("nil", File.ReadAllText(file));
        Assert.AreEqual(ValueKind.True, h.Call(IoBuiltins.FileExists, S(file)).Kind);
        Assert.AreEqual(ValueKind.True, h.Call(IoBuiltins.FileExists, S(_dir)).Kind);
    }

    [TestMethod]
    public void FileErrors()
    {
        var h = new Harness();
        AssertError(Fails(() => h.Call(IoBuiltins.ReadFile, S("/nonexistent"))), ErrorKind.Runtime,
            "io:readFile: couldn't read file \"/nonexistent\" because it doesn't exist");
        AssertError(Fails(() => h.Call(IoBuiltins.WriteFile, S("/nonexistent/x"), N(1))), ErrorKind.Runtime,
            "io:writeFile: couldn't write to file \"/nonexistent/x\"");
        AssertError(Fails(() => h.Call(IoBuiltins.AppendToFile, S("/nonexistent/x"), N(1))), ErrorKind.Runtime,
            "io:appendToFile: couldn't write to file \"/nonexistent/x\"");
        AssertError(Fails(() => h.Call(IoBuiltins.WriteFile, S("x"))), ErrorKind.Type,
            "Function io:writeFile expected 2 arguments but got 1\n  -> filename (String) \n  -> content (any) was not provided\n");
        AssertError(Fails(() => h.Call(IoBuiltins.AppendToFile, N(1), N(1))), ErrorKind.Type,
            "Function io:appendToFile expected 2 arguments\n  -> filename (String) was of type Number\n  -> content (any) \n");
        AssertError(Fails(() => h.Call(IoBuiltins.ReadFile, N(1))), ErrorKind.Type,
            "Function io:readFile expected 1 argument\n  -> filename (String) was of type Number\n");
        AssertError(Fails(() => h.Call(IoBuiltins.FileExists)), ErrorKind.Type,
            "Function io:fileExists? expected 1 argument but got 0\n  -> filename (String) was not provided\n");
    }

    [TestMethod]
    public void Directories()
    {
        var h = new Harness();
        var nested = Path.Combine(_dir, "a", "b");
        Assert.AreEqual(ValueKind.Nil, h.Call(IoBuiltins.MakeDir, S(nested)).Kind);
        Assert.AreEqual(ValueKind.True, h.Call(IoBuiltins.IsDirectory, S(nested)).Kind);
        File.WriteAllText(Path.Combine(_dir, "f"), "x");
        Assert.AreEqual(ValueKind.False, h.Call(IoBuiltins.IsDirectory, S(Path.Combine(_dir, "f"))).Kind);
        var files = h.Call(IoBuiltins.ListFiles, S(_dir)).AsList.Items.ToArray().Select(Show).Order().ToArray();
        CollectionAssert.AreEqual(new[] { Path.Combine(_dir, "a"), Path.Combine(_dir, "f") }, files);
        AssertError(Fails(() => h.Call(IoBuiltins.ListFiles, S("/nonexistent"))), ErrorKind.Runtime,
            "filesystem error: directory iterator cannot open directory: No such file or directory [/nonexistent]");
        AssertError(Fails(() => h.Call(IoBuiltins.MakeDir, S("/proc/x/y"))), ErrorKind.Runtime,
            "filesystem error: cannot create directories: No such file or directory [/proc/x/y]");
        AssertError(Fails(() => h.Call(IoBuiltins.ListFiles, N(1))), ErrorKind.Type,
            "Function io:listFiles expected 1 argument\n  -> path (String) was of type Number\n");
        AssertError(Fails(() => h.Call(IoBuiltins.IsDirectory, N(1))), ErrorKind.Type,
            "Function io:dir? expected 1 argument\n  -> path (String) was of type Number\n");
        AssertError(Fails(() => h.Call(IoBuiltins.MakeDir, N(1))), ErrorKind.Type,
            "Function io:makeDir expected 1 argument\n  -> path (String) was of type Number\n");
    }

    [TestMethod]
    public void RemoveFiles()
    {
        var h = new Harness();
        var file = Path.Combine(_dir, "f");
        var sub = Path.Combine(_dir, "d", "e");
        File.WriteAllText(file, "x");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, "g"), "y");
        Assert.AreEqual(ValueKind.Nil, h.Call(IoBuiltins.RemoveFiles, S(file), S(Path.Combine(_dir, "d")), S(Path.Combine(_dir, "missing"))).Kind);
        Assert.IsFalse(File.Exists(file));
        Assert.IsFalse(Directory.Exists(sub));
        AssertError(Fails(() => h.Call(IoBuiltins.RemoveFiles)), ErrorKind.Type,
            "Function io:removeFiles expected 2 arguments but got 0\n  -> filename (String) was not provided\n  -> variadic filenames (String) was not provided\n");
        File.WriteAllText(file, "x");
        AssertError(Fails(() => h.Call(IoBuiltins.RemoveFiles, S(file), N(1), N(2))), ErrorKind.Type,
            "Function io:removeFiles expected 2 arguments but got 3\n  -> filename (String) \n  -> variadic filenames (String) 2 arguments do not match\n");
        Assert.IsFalse(File.Exists(file)); // files before the bad argument are already removed
    }
}
