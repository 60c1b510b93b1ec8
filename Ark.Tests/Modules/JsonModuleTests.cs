using Ark.Modules.Json;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Modules;

/// <summary>Reading, printing, querying and building json values; errors are in <see cref="JsonErrorTests"/>.</summary>
[TestClass]
public sealed class JsonModuleTests
{
    private readonly LoadedModule _json = new(new JsonModule());

    private Value Parse(string text) => _json.Call("json:fromString", S(text));

    private string Text(Value json) => _json.Call("json:toString", json).AsString.ToString();

    [TestMethod]
    public void BindsEveryFunctionAndNoneBlocks()
    {
        CollectionAssert.AreEquivalent(
            new[] { "json:open", "json:fromString", "json:toString", "json:get", "json:set", "json:len", "json:write", "json:fromList" },
            _json.Names.ToArray());
        // json:open and json:write are asynchronous: the caller parks instead of blocking a thread
        var blocking = _json.Names.Where(n => _json.Function(n).IsBlocking).ToArray();
        Assert.AreEqual(0, blocking.Length, string.Join(", ", blocking));
    }

    [TestMethod]
    public void DocumentsAreUserTypesThatPrintAsCompactJsonWithSortedKeys()
    {
        var j = Parse("{\"hello\": \"world\", \"key\": 12, \"a\": [1, 2.5, true, null, {}], \"b\": {\"z\": 1, \"y\": []}}");
        Assert.AreEqual(ValueKind.UserType, j.Kind);
        Assert.AreEqual("json", ((UserType)j.Obj!).TypeName);
        const string compact = "{\"a\":[1,2.5,true,null,{}],\"b\":{\"y\":[],\"z\":1},\"hello\":\"world\",\"key\":12}";
        Assert.AreEqual(compact, Show(j));
        Assert.AreEqual(compact, Text(j));
        Assert.AreEqual(ValueKind.String, _json.Call("json:toString", j).Kind);
        Assert.AreEqual("[" + compact + " 1]", Show(L(j, N(1))));
        // a user type is falsy, like every user type
        Assert.IsFalse(j.IsTruthy);
    }

    [TestMethod]
    public void KeysAreOrderedByCodePoint()
    {
        Assert.AreEqual("{\"\":4,\"Z\":3,\"z\":2,\"é\":1,\"\uFFFD\":5,\"😀\":6}",
            Text(Parse("{\"é\":1, \"z\":2, \"Z\":3, \"\":4, \"😀\":6, \"\uFFFD\":5}")));
    }

    [TestMethod]
    public void DuplicateKeysKeepTheLastValue() =>
        Assert.AreEqual("{\"a\":2}", Text(Parse("{\"a\":1,\"a\":2}")));

    [TestMethod]
    public void AnyJsonValueCanBeADocument()
    {
        Assert.AreEqual("[1,[2],\"x\"]", Text(Parse(" [1, [2], \"x\"] ")));
        Assert.AreEqual("\"abc\"", Text(Parse("\"abc\"")));
        Assert.AreEqual("12", Text(Parse("12")));
        Assert.AreEqual("null", Text(Parse("null")));
        Assert.AreEqual("true", Text(Parse("true")));
        Assert.AreEqual("{}", Text(Parse("\uFEFF{}")));
    }

    [TestMethod]
    [DataRow("0", "0")]
    [DataRow("-0", "0")]
    [DataRow("-0.0", "-0.0")]
    [DataRow("12", "12")]
    [DataRow("-3", "-3")]
    [DataRow("1.0", "1.0")]
    [DataRow("1e2", "100.0")]
    [DataRow("2.5", "2.5")]
    [DataRow("0.1", "0.1")]
    [DataRow("0.0001", "0.0001")]
    [DataRow("1e-5", "1e-05")]
    [DataRow("0.00001234", "1.234e-05")]
    [DataRow("1.5e-7", "1.5e-07")]
    [DataRow("123456789012345.6", "123456789012345.6")]
    [DataRow("1e14", "100000000000000.0")]
    [DataRow("1e15", "1e+15")]
    [DataRow("-2.5e+30", "-2.5e+30")]
    [DataRow("123.456e-300", "1.23456e-298")]
    [DataRow("5e-324", "5e-324")]
    [DataRow("1.7976931348623157e308", "1.7976931348623157e+308")]
    [DataRow("123456789012345678", "123456789012345678")]
    [DataRow("-9223372036854775808", "-9223372036854775808")]
    [DataRow("12345678901234567890", "12345678901234567890")]
    [DataRow("18446744073709551616", "1.8446744073709552e+19")]
    [DataRow("-9223372036854775809", "-9.223372036854776e+18")]
    public void NumbersPrintAsTheReferencePrintsThem(string input, string printed) =>
        Assert.AreEqual(printed, Text(Parse(input)));

    [TestMethod]
    public void StringsEscapeOnlyWhatJsonRequires()
    {
        var j = Parse("\"a\\u0001\\u001f\\t\\b\\f\\r\\n/\\\\\\\"\u007f é \\ud83d\\ude00\"");
        Assert.AreEqual("\"a\\u0001\\u001f\\t\\b\\f\\r\\n/\\\\\\\"\u007f é 😀\"", Text(j));
    }

    [TestMethod]
    public void GetMapsJsonValuesToArkScriptValues()
    {
        var j = Parse("{\"s\":\"x\\u00e9\\n\",\"i\":12,\"f\":2.5,\"big\":12345678901234567890,\"t\":true,\"n\":false,\"z\":null," +
                      "\"l\":[1,\"a\",[true],{\"k\":1}],\"o\":{\"k\":[]}}");
        Assert.AreEqual("xé\n", Show(_json.Call("json:get", j, S("s"))));
        Assert.AreEqual(ValueKind.String, _json.Call("json:get", j, S("s")).Kind);
        Assert.AreEqual(12.0, _json.Call("json:get", j, S("i")).Num);
        Assert.AreEqual(2.5, _json.Call("json:get", j, S("f")).Num);
        Assert.AreEqual(12345678901234567890.0, _json.Call("json:get", j, S("big")).Num);
        Assert.AreEqual(ValueKind.True, _json.Call("json:get", j, S("t")).Kind);
        Assert.AreEqual(ValueKind.False, _json.Call("json:get", j, S("n")).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", j, S("z")).Kind);
        var list = _json.Call("json:get", j, S("l"));
        Assert.AreEqual(ValueKind.List, list.Kind);
        Assert.AreEqual("[1 \"a\" [true] {\"k\":1}]", Show(list));
        Assert.AreEqual(ValueKind.UserType, list.AsList[3].Kind);
        var o = _json.Call("json:get", j, S("o"));
        Assert.AreEqual(ValueKind.UserType, o.Kind);
        Assert.AreEqual("{\"k\":[]}", Show(o));
    }

    [TestMethod]
    public void GetByIndexWorksOnArraysOnly()
    {
        var a = Parse("[10, {\"a\": 2}, [3]]");
        Assert.AreEqual(10.0, _json.Call("json:get", a, N(0)).Num);
        Assert.AreEqual("{\"a\":2}", Show(_json.Call("json:get", a, N(1))));
        Assert.AreEqual("{\"a\":2}", Show(_json.Call("json:get", a, N(1.7))), "indexes are truncated");
        Assert.AreEqual("[3]", Show(_json.Call("json:get", a, N(2))));
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", a, N(3)).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", a, N(-1)).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", a, N(double.NaN)).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", a, S("a")).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", Parse("{\"0\": 1}"), N(0)).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", Parse("12"), N(0)).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", Parse("\"s\""), S("s")).Kind);
    }

    [TestMethod]
    public void GetNeverChangesTheDocument()
    {
        var o = Parse("{\"a\": 1}");
        var a = Parse("[1]");
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", o, S("missing")).Kind);
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", a, N(5)).Kind);
        Assert.AreEqual("{\"a\":1}", Text(o));
        Assert.AreEqual(1.0, _json.Call("json:len", o).Num);
        Assert.AreEqual("[1]", Text(a));
    }

    [TestMethod]
    public void LenCountsMembersOrElements()
    {
        Assert.AreEqual(2.0, _json.Call("json:len", Parse("{\"a\":1,\"b\":{\"c\":1,\"d\":2}}")).Num);
        Assert.AreEqual(3.0, _json.Call("json:len", Parse("[1,[2,3],4]")).Num);
        Assert.AreEqual(0.0, _json.Call("json:len", Parse("{}")).Num);
        Assert.AreEqual(0.0, _json.Call("json:len", Parse("[]")).Num);
        Assert.AreEqual(0.0, _json.Call("json:len", Parse("null")).Num);
        Assert.AreEqual(1.0, _json.Call("json:len", Parse("12")).Num);
        Assert.AreEqual(1.0, _json.Call("json:len", Parse("\"abc\"")).Num);
        Assert.AreEqual(1.0, _json.Call("json:len", Parse("false")).Num);
    }

    [TestMethod]
    public void SetStoresArkScriptValuesAsJson()
    {
        var j = Parse("{\"hello\": \"world\", \"key\": 12}");
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:set", j, S("hello"), S("john")).Kind);
        _json.Call("json:set", j, S("f"), N(1.5));
        _json.Call("json:set", j, S("whole"), N(3));
        _json.Call("json:set", j, S("huge"), N(1e20));
        _json.Call("json:set", j, S("negzero"), N(-0.0));
        _json.Call("json:set", j, S("third"), N(1.0 / 3));
        _json.Call("json:set", j, S("nan"), N(double.NaN));
        _json.Call("json:set", j, S("inf"), N(double.PositiveInfinity));
        _json.Call("json:set", j, S("t"), Value.True);
        _json.Call("json:set", j, S("n"), Value.Nil);
        _json.Call("json:set", j, S("l"), L(N(1), S("a"), L(Value.True, Value.False), Parse("[1]"), Value.Nil, L()));
        _json.Call("json:set", j, S("o"), Parse("{\"x\":1}"));
        Assert.AreEqual(
            "{\"f\":1.5,\"hello\":\"john\",\"huge\":1e+20,\"inf\":null,\"key\":12,\"l\":[1.0,\"a\",[true,false],[1],null,[]]," +
            "\"n\":null,\"nan\":null,\"negzero\":-0.0,\"o\":{\"x\":1},\"t\":true,\"third\":0.3333333333333333,\"whole\":3.0}",
            Text(j));
        Assert.AreEqual("john", Show(_json.Call("json:get", j, S("hello"))));
        Assert.AreEqual(ValueKind.Nil, _json.Call("json:get", j, S("n")).Kind);
        Assert.AreEqual(13.0, _json.Call("json:len", j).Num);
    }

    [TestMethod]
    public void SetChangesTheDocumentEveryCopySees()
    {
        var j = Parse("{}");
        var holder = L(j);
        _json.Call("json:set", j, S("k"), N(1));
        Assert.AreEqual("[{\"k\":1.0}]", Show(holder));
    }

    [TestMethod]
    public void ValuesGoInAndComeOutAsCopies()
    {
        var sub = Parse("{\"x\": 1}");
        var parent = _json.Call("json:fromList", L(S("s"), sub));
        _json.Call("json:set", sub, S("x"), N(2));
        Assert.AreEqual("{\"s\":{\"x\":1}}", Text(parent));
        var taken = _json.Call("json:get", parent, S("s"));
        _json.Call("json:set", taken, S("x"), N(3));
        Assert.AreEqual("{\"s\":{\"x\":1}}", Text(parent));
        Assert.AreEqual("{\"x\":3.0}", Text(taken));
        _json.Call("json:set", parent, S("self"), parent);
        Assert.AreEqual("{\"s\":{\"x\":1},\"self\":{\"s\":{\"x\":1}}}", Text(parent));
    }

    [TestMethod]
    public void SetTurnsANullDocumentIntoAnObject()
    {
        var n = Parse("null");
        _json.Call("json:set", n, S("k"), N(1));
        Assert.AreEqual("{\"k\":1.0}", Text(n));
    }

    [TestMethod]
    public void FromListBuildsAnObjectFromKeysAndValues()
    {
        var j = _json.Call("json:fromList", L(
            S("key"), S("value"), S("keybis"), N(12), S("array"), L(N(1), N(2), N(3)), S("bool"), Value.True, S("nothing"), Value.Nil,
            S("subobject"), _json.Call("json:fromList", L(S("a"), N(1), S("b"), N(2))), S("key"), S("again")));
        Assert.AreEqual(
            "{\"array\":[1.0,2.0,3.0],\"bool\":true,\"key\":\"again\",\"keybis\":12.0,\"nothing\":null,\"subobject\":{\"a\":1.0,\"b\":2.0}}",
            Text(j));
        Assert.AreEqual(6.0, _json.Call("json:len", j).Num);
        Assert.AreEqual("{\"hello\":\"world\",\"key\":12.0}", Text(_json.Call("json:fromList", L(S("hello"), S("world"), S("key"), N(12)))));
    }

    [TestMethod]
    public void FromAnEmptyListIsAnEmptyObject()
    {
        var j = _json.Call("json:fromList", L());
        Assert.AreEqual("{}", Text(j));
        Assert.AreEqual(0.0, _json.Call("json:len", j).Num);
    }

    [TestMethod]
    public void DocumentsAreEqualOnlyToThemselves()
    {
        var j = Parse("{\"o\":{}}");
        Assert.IsTrue(ValueOps.Equal(j, j));
        Assert.IsFalse(ValueOps.Equal(j, Parse("{\"o\":{}}")));
        Assert.IsFalse(ValueOps.Equal(_json.Call("json:get", j, S("o")), _json.Call("json:get", j, S("o"))));
    }

    [TestMethod]
    public void ConcurrentSetsOfDifferentKeysAllSurvive()
    {
        var j = Parse("{}");
        Parallel.For(0, 4, t =>
        {
            var own = new LoadedModule(new JsonModule());
            for (var i = 0; i < 250; i++)
            {
                own.Call("json:set", j, S($"k{t}-{i}"), N(i));
                // reading while others write sees a consistent document
                _ = own.Call("json:toString", j);
            }
        });
        Assert.AreEqual(1000.0, _json.Call("json:len", j).Num);
    }
}
