using Ark.Modules.Json;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Modules;

/// <summary>Every way a script can misuse the json functions (file errors are in <see cref="JsonFileTests"/>).</summary>
[TestClass]
public sealed class JsonErrorTests
{
    private readonly LoadedModule _json = new(new JsonModule());

    private Value Parse(string text) => _json.Call("json:fromString", S(text));

    private static Value Foreign() => new(new UserType("Other", new object()));

    [TestMethod]
    [DataRow("{bad", "line 1, column 2: 'b' is an invalid start of a property name. Expected a '\"'.")]
    [DataRow("{\"a\":1} x", "line 1, column 9: 'x' is invalid after a single JSON value. Expected end of data.")]
    [DataRow("", "line 1, column 1: the text holds no value")]
    [DataRow(" \n\t ", "line 2, column 3: the text holds no value")]
    [DataRow("[1,]", "line 1, column 4: The JSON array contains a trailing comma at the end which is not supported in this mode.")]
    [DataRow("[1, /* note */ 2]", "line 1, column 5: '/' is an invalid start of a value.")]
    [DataRow("\n  [1E400]", "line 2, column 4: number overflow parsing '1E400'")]
    [DataRow("[\"\\ud800\"]", "line 1, column 2: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.")]
    [DataRow("{\"a\": [1, 2}", "line 1, column 12: '}' is invalid without a matching open.")]
    public void FromStringReportsWhereTheTextIsWrong(string text, string where) =>
        AssertError(Fails(() => Parse(text)), ErrorKind.Runtime, "json:fromString: invalid JSON at " + where);

    [TestMethod]
    public void InvalidUtf8IsAParseError()
    {
        var text = new Value(ArkString.FromBytes([(byte)'[', (byte)'"', 0xFF, (byte)'"', (byte)']']));
        AssertError(Fails(() => _json.Call("json:fromString", text)), ErrorKind.Runtime,
            "json:fromString: invalid JSON at line 1, column 2: Cannot transcode invalid UTF-8 JSON text to UTF-16 string.");
    }

    [TestMethod]
    public void NestingBeyondTheLimitIsAParseError()
    {
        const int limit = 1000;
        var deep = new string('[', limit + 1) + new string(']', limit + 1);
        AssertError(Fails(() => Parse(deep)), ErrorKind.Runtime,
            $"json:fromString: invalid JSON at line 1, column {limit + 1}: The maximum configured depth of {limit} has been exceeded. Cannot read next JSON array.");
        var ok = new string('[', limit) + new string(']', limit);
        Assert.AreEqual(ok, Show(Parse(ok)));
    }

    [TestMethod]
    public void FromStringChecksItsArguments()
    {
        AssertError(Fails(() => _json.Call("json:fromString", N(1))), ErrorKind.Type,
            "Function json:fromString expected 1 argument\n  -> jsonObject (String) was of type Number\n");
        AssertError(Fails(() => _json.Call("json:fromString")), ErrorKind.Type,
            "Function json:fromString expected 1 argument but got 0\n  -> jsonObject (String) was not provided\n");
    }

    [TestMethod]
    [DataRow("json:toString")]
    [DataRow("json:len")]
    public void OneDocumentFunctionsCheckTheirArguments(string name)
    {
        AssertError(Fails(() => _json.Call(name, S("{}"))), ErrorKind.Type,
            $"Function {name} expected 1 argument\n  -> jsonObject (UserType) was of type String\n");
        AssertError(Fails(() => _json.Call(name)), ErrorKind.Type,
            $"Function {name} expected 1 argument but got 0\n  -> jsonObject (UserType) was not provided\n");
        AssertError(Fails(() => _json.Call(name, Parse("{}"), N(1))), ErrorKind.Type,
            $"Function {name} expected 1 argument but got 2\n  -> jsonObject (UserType) \n");
        // another module's user type is the wrong type too, although its kind matches
        AssertError(Fails(() => _json.Call(name, Foreign())), ErrorKind.Type,
            $"Function {name} expected 1 argument\n  -> jsonObject (UserType) \n");
    }

    [TestMethod]
    public void GetChecksItsArguments()
    {
        // the two accepted signatures, with what was wrong for each parameter of each
        static string Expected(string head, string json, string numberKey, string stringKey) =>
            $"Function json:get expected 2 arguments{head}\n  -> json (UserType) {json}\n  -> key (Number) {numberKey}\n" +
            $"Alternative 2:\n  -> json (UserType) {json}\n  -> key (String) {stringKey}\n";

        AssertError(Fails(() => _json.Call("json:get", N(1), N(2))), ErrorKind.Type,
            Expected("", "was of type Number", "", "was of type Number"));
        AssertError(Fails(() => _json.Call("json:get", Parse("{}"), Value.Nil)), ErrorKind.Type,
            Expected("", "", "was of type Nil", "was of type Nil"));
        AssertError(Fails(() => _json.Call("json:get", Parse("{}"))), ErrorKind.Type,
            Expected(" but got 1", "", "was not provided", "was not provided"));
        AssertError(Fails(() => _json.Call("json:get", Foreign(), S("a"))), ErrorKind.Type,
            Expected("", "", "was of type String", ""));
        AssertError(Fails(() => _json.Call("json:get", Parse("{}"), N(0), S("b"))), ErrorKind.Type,
            Expected(" but got 3", "", "", "was of type Number"));
    }

    [TestMethod]
    public void SetChecksItsArguments()
    {
        AssertError(Fails(() => _json.Call("json:set", Parse("{}"), N(1), N(2))), ErrorKind.Type,
            "Function json:set expected 3 arguments\n  -> jsonObject (UserType) \n  -> key (String) was of type Number\n  -> value (any) \n");
        AssertError(Fails(() => _json.Call("json:set", Parse("{}"), S("a"))), ErrorKind.Type,
            "Function json:set expected 3 arguments but got 2\n  -> jsonObject (UserType) \n  -> key (String) \n  -> value (any) was not provided\n");
        AssertError(Fails(() => _json.Call("json:set", L(), S("a"), N(1))), ErrorKind.Type,
            "Function json:set expected 3 arguments\n  -> jsonObject (UserType) was of type List\n  -> key (String) \n  -> value (any) \n");
    }

    [TestMethod]
    public void SetRejectsValuesWithoutAJsonForm()
    {
        var j = Parse("{}");
        AssertError(Fails(() => _json.Call("json:set", j, S("a"), Foreign())), ErrorKind.Runtime,
            "json:set: couldn't parse value (UserType)");
        AssertError(Fails(() => _json.Call("json:set", j, S("a"), _json.Function("json:len") is var f ? new Value(f) : default)), ErrorKind.Runtime,
            "json:set: couldn't parse value (CProc)");
        AssertError(Fails(() => _json.Call("json:set", j, S("a"), L(N(1), L(Value.Undefined)))), ErrorKind.Runtime,
            "json module: Couldn't parse the provided json: a list element of type Undefined has no JSON form");
        Assert.AreEqual("{}", Show(j), "a failed set leaves the document as it was");
    }

    [TestMethod]
    public void SetNeedsAnObject()
    {
        AssertError(Fails(() => _json.Call("json:set", Parse("[1]"), S("a"), N(1))), ErrorKind.Runtime,
            "json:set: can not set key 'a' on a json array, only on an object");
        AssertError(Fails(() => _json.Call("json:set", Parse("\"s\""), S("k"), N(1))), ErrorKind.Runtime,
            "json:set: can not set key 'k' on a json string, only on an object");
        AssertError(Fails(() => _json.Call("json:set", Parse("1"), S("k"), N(1))), ErrorKind.Runtime,
            "json:set: can not set key 'k' on a json number, only on an object");
        AssertError(Fails(() => _json.Call("json:set", Parse("true"), S("k"), N(1))), ErrorKind.Runtime,
            "json:set: can not set key 'k' on a json boolean, only on an object");
    }

    [TestMethod]
    public void FromListChecksItsArgumentsAndContent()
    {
        AssertError(Fails(() => _json.Call("json:fromList", S("a"))), ErrorKind.Type,
            "Function json:fromList expected 1 argument\n  -> jsonAsList (List) was of type String\n");
        AssertError(Fails(() => _json.Call("json:fromList")), ErrorKind.Type,
            "Function json:fromList expected 1 argument but got 0\n  -> jsonAsList (List) was not provided\n");
        AssertError(Fails(() => _json.Call("json:fromList", L(S("a"), N(1), S("b")))), ErrorKind.Runtime,
            "json:fromList: the list must contain an even number of elements: even ones are the keys and odd ones are the values");
        AssertError(Fails(() => _json.Call("json:fromList", L(N(1), N(2)))), ErrorKind.Runtime,
            "json:fromList: keys need to be of type String");
        AssertError(Fails(() => _json.Call("json:fromList", L(S("a"), N(1), S("b"), Foreign()))), ErrorKind.Runtime,
            "json:fromList: value for key 'b' isn't handled");
        AssertError(Fails(() => _json.Call("json:fromList", L(S("c"), L(Foreign())))), ErrorKind.Runtime,
            "json module: Couldn't parse the provided json: a list element of type UserType has no JSON form");
    }

    [TestMethod]
    public void FailuresPrintAsBareMessages()
    {
        var e = Fails(() => _json.Call("json:fromList", L(N(1), N(2))));
        Assert.AreEqual(e.Message, e.Display);
    }
}
