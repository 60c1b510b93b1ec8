using Ark.Modules.Json;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Modules;

[TestClass]
public sealed class JsonFileTests
{
    private readonly LoadedModule _json = new(new JsonModule());
    private string _dir = "";

    [TestInitialize]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ark-json-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [TestMethod]
    public void OpenReadsADocument()
    {
        var file = Path.Combine(_dir, "test.json");
        File.WriteAllText(file, "{\n    \"hello\": \"wörld\",\n    \"key\": 12\n}");
        var j = _json.Call("json:open", S(file));
        Assert.AreEqual("{\"hello\":\"wörld\",\"key\":12}", Show(j));
        Assert.AreEqual(2.0, _json.Call("json:len", j).Num);
    }

    [TestMethod]
    public void OpenSkipsAByteOrderMark()
    {
        var file = Path.Combine(_dir, "bom.json");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "[1]"u8]);
        Assert.AreEqual("[1]", Show(_json.Call("json:open", S(file))));
    }

    [TestMethod]
    public void WriteIndentsByFourSpaces()
    {
        var j = _json.Call("json:fromString", S(
            "{\"b\":[1,2.5,[],{},{\"z\":null}],\"a\":{},\"s\":\"é\\n\",\"o\":{\"x\":[true]}}"));
        var file = Path.Combine(_dir, "out.json");
        File.WriteAllText(file, "previous content that is longer than the document, to check it is replaced");
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:write", j, S(file)).Kind);
        const string expected = """
            {
                "a": {},
                "b": [
                    1,
                    2.5,
                    [],
                    {},
                    {
                        "z": null
                    }
                ],
                "o": {
                    "x": [
                        true
                    ]
                },
                "s": "é\n"
            }
            """;
        Assert.AreEqual(expected.ReplaceLineEndings("\n"), File.ReadAllText(file));
        Assert.AreEqual(Show(j), Show(_json.Call("json:open", S(file))));
    }

    [TestMethod]
    public void WriteOfAScalarAndAnEmptyObject()
    {
        var file = Path.Combine(_dir, "s.json");
        _json.Call("json:write", _json.Call("json:fromString", S("12")), S(file));
        Assert.AreEqual("12", File.ReadAllText(file));
        _json.Call("json:write", _json.Call("json:fromList", L()), S(file));
        Assert.AreEqual("{}", File.ReadAllText(file));
    }

    [TestMethod]
    public void OpenFailures()
    {
        var missing = Path.Combine(_dir, "nope.json");
        AssertError(Fails(() => _json.Call("json:open", S(missing))), ErrorKind.Runtime,
            $"json:open: couldn't read file \"{missing}\" because it doesn't exist");
        AssertError(Fails(() => _json.Call("json:open", S(_dir))), ErrorKind.Runtime,
            $"json:open: couldn't read file \"{_dir}\" because it is a directory");
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{\n  \"a\": 1,\n  \"b\": }");
        AssertError(Fails(() => _json.Call("json:open", S(bad))), ErrorKind.Runtime,
            $"json:open: invalid JSON in \"{bad}\" at line 3, column 8: '}}' is an invalid start of a value.");
        var empty = Path.Combine(_dir, "empty.json");
        File.WriteAllText(empty, "");
        AssertError(Fails(() => _json.Call("json:open", S(empty))), ErrorKind.Runtime,
            $"json:open: invalid JSON in \"{empty}\" at line 1, column 1: the text holds no value");
    }

    [TestMethod]
    public void WriteFailures()
    {
        var j = _json.Call("json:fromString", S("{}"));
        var inMissingDir = Path.Combine(_dir, "no", "such", "dir.json");
        AssertError(Fails(() => _json.Call("json:write", j, S(inMissingDir))), ErrorKind.Runtime,
            $"json:write: couldn't write to file \"{inMissingDir}\"");
        AssertError(Fails(() => _json.Call("json:write", j, S(_dir))), ErrorKind.Runtime,
            $"json:write: couldn't write to file \"{_dir}\"");
        AssertError(Fails(() => _json.Call("json:write", j, S(""))), ErrorKind.Runtime,
            "json:write: couldn't write to file \"\"");
    }

    [TestMethod]
    public void FileFunctionsCheckTheirArguments()
    {
        AssertError(Fails(() => _json.Call("json:open", N(1))), ErrorKind.Type,
            "Function json:open expected 1 argument\n  -> filename (String) was of type Number\n");
        AssertError(Fails(() => _json.Call("json:open")), ErrorKind.Type,
            "Function json:open expected 1 argument but got 0\n  -> filename (String) was not provided\n");
        var j = _json.Call("json:fromString", S("{}"));
        AssertError(Fails(() => _json.Call("json:write", j)), ErrorKind.Type,
            "Function json:write expected 2 arguments but got 1\n  -> jsonObject (UserType) \n  -> filename (String) was not provided\n");
        AssertError(Fails(() => _json.Call("json:write", S("f.json"), j)), ErrorKind.Type,
            "Function json:write expected 2 arguments\n  -> jsonObject (UserType) was of type String\n  -> filename (String) was of type UserType\n");
        AssertError(Fails(() => _json.Call("json:write", j, N(1))), ErrorKind.Type,
            "Function json:write expected 2 arguments\n  -> jsonObject (UserType) \n  -> filename (String) was of type Number\n");
    }
}
