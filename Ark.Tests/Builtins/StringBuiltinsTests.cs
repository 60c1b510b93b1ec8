using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class StringBuiltinsTests
{
    private readonly Harness _h = new();

    private static string Hex(Value v) => Convert.ToHexString(v.AsString.Bytes);

    [TestMethod]
    public void Find()
    {
        Assert.AreEqual(2.0, _h.Call(StringBuiltins.Find, S("hello"), S("l")).Num);
        Assert.AreEqual(-1.0, _h.Call(StringBuiltins.Find, S("hello"), S("z")).Num);
        Assert.AreEqual(0.0, _h.Call(StringBuiltins.Find, S(""), S("")).Num);
        Assert.AreEqual(3.0, _h.Call(StringBuiltins.Find, S("éa b"), S(" ")).Num);
        AssertError(Fails(() => _h.Call(StringBuiltins.Find, S("a"), N(1))), ErrorKind.Type,
            "Function str:find expected 2 arguments\n  -> string (String) \n  -> substr (String) was of type Number\n");
    }

    [TestMethod]
    public void RemoveAt()
    {
        Assert.AreEqual("ello", Show(_h.Call(StringBuiltins.RemoveAt, S("hello"), N(0))));
        Assert.AreEqual("hell", Show(_h.Call(StringBuiltins.RemoveAt, S("hello"), N(4))));
        Assert.AreEqual("68A96C6C6F", Hex(_h.Call(StringBuiltins.RemoveAt, S("héllo"), N(1))));
        AssertError(Fails(() => _h.Call(StringBuiltins.RemoveAt, S("hello"), N(-1))), ErrorKind.Runtime,
            "str:removeAt: index -1 out of range (length: 5)");
        AssertError(Fails(() => _h.Call(StringBuiltins.RemoveAt, S("hello"), N(5))), ErrorKind.Runtime,
            "str:removeAt: index 5 out of range (length: 5)");
        AssertError(Fails(() => _h.Call(StringBuiltins.RemoveAt, N(1), N(5))), ErrorKind.Type,
            "Function str:removeAt expected 2 arguments\n  -> string (String) was of type Number\n  -> index (Number) \n");
    }

    [TestMethod]
    public void Ord()
    {
        double O(Value s) => _h.Call(StringBuiltins.Ord, s).Num;
        Assert.AreEqual(104.0, O(S("h")));
        Assert.AreEqual(212.0, O(S("Ô")));
        Assert.AreEqual(0.0, O(S("")));
        Assert.AreEqual(129395.0, O(S("🥳")));
        Assert.AreEqual(98.0, O(S("ab"))); // the last character
        Assert.AreEqual(120.0, O(S("éx")));
        Assert.AreEqual(0.0, O(new Value(ArkString.FromBytes([0xff])))); // invalid UTF-8
        AssertError(Fails(() => _h.Call(StringBuiltins.Ord, N(1))), ErrorKind.Type,
            "Function str:ord expected 1 argument\n  -> string (String) was of type Number\n");
    }

    [TestMethod]
    public void ChrReproducesTheReferenceEncoder()
    {
        string C(double cp) => Hex(_h.Call(StringBuiltins.Chr, N(cp)));
        Assert.AreEqual("68", C(104));
        Assert.AreEqual("8394", C(212));
        Assert.AreEqual("9FBF", C(2047));
        Assert.AreEqual("E188B4", C(4660));
        Assert.AreEqual("F09FA5B3", C(129395));
        Assert.AreEqual("", C(0));
        Assert.AreEqual("", C(-5));
        Assert.AreEqual("", C(1114112));
        Assert.AreEqual(1114111.0, _h.Call(StringBuiltins.Ord, _h.Call(StringBuiltins.Chr, N(1114111))).Num);
        AssertError(Fails(() => _h.Call(StringBuiltins.Chr, S("a"))), ErrorKind.Type,
            "Function str:chr expected 1 argument\n  -> codepoint (Number) was of type String\n");
    }
}
