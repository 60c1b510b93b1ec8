using static Ark.Tests.Modules.ModuleHarness;

namespace Ark.Tests.Modules;

[TestClass]
public sealed class BitwiseModuleTests
{
    private static string Eval(string expression) => Run($"(import bitwise)\n(print {expression})").TrimEnd('\n');

    private static string Fails(string call) => Error($"(import bitwise)\n{call}");

    [TestMethod]
    [DataRow("(bitwise:rshift 4096 3)", "512")]
    [DataRow("(bitwise:rshift 140 5)", "4")]
    [DataRow("(bitwise:rshift -8 1)", "-4")]
    [DataRow("(bitwise:rshift -1 63)", "-1")]
    [DataRow("(bitwise:lshift 512 3)", "4096")]
    [DataRow("(bitwise:lshift 3 0)", "3")]
    [DataRow("(bitwise:lshift 1 62)", "4.611686018427388e+18")]
    [DataRow("(bitwise:lshift 1 63)", "-9.223372036854776e+18")]
    [DataRow("(bitwise:xor 99 13)", "110")]
    [DataRow("(bitwise:xor 2 2)", "0")]
    [DataRow("(bitwise:xor -1 0)", "-1")]
    [DataRow("(bitwise:or 89 13)", "93")]
    [DataRow("(bitwise:or 1 4)", "5")]
    [DataRow("(bitwise:and 89 13)", "9")]
    [DataRow("(bitwise:and -1 255)", "255")]
    [DataRow("(bitwise:and 1 4)", "0")]
    public void Operations(string call, string expected) => Assert.AreEqual(expected, Eval(call));

    [TestMethod]
    [DataRow("(bitwise:or 5.9 0)", "5")]
    [DataRow("(bitwise:and -1.5 3)", "3")]
    [DataRow("(bitwise:lshift 1 1.9)", "2")]
    [DataRow("(bitwise:or -9223372036854775808 0)", "-9.223372036854776e+18")]
    [DataRow("(bitwise:rshift 9007199254740993 0)", "9007199254740992")]
    public void FractionsAreTruncatedAndResultsAreNumbers(string call, string expected) => Assert.AreEqual(expected, Eval(call));

    [TestMethod]
    public void WrongArgumentCount()
    {
        Assert.AreEqual("Function bitwise:and expected 2 arguments but got 1\n  -> a (Number) \n  -> b (Number) was not provided\n\n", Fails("(bitwise:and 1)"));
        Assert.AreEqual("Function bitwise:or expected 2 arguments but got 3\n  -> a (Number) \n  -> b (Number) \n\n", Fails("(bitwise:or 1 2 3)"));
        Assert.AreEqual("Function bitwise:rshift expected 2 arguments but got 0\n  -> number (Number) was not provided\n  -> shift (Number) was not provided\n\n", Fails("(bitwise:rshift)"));
    }

    [TestMethod]
    public void WrongArgumentTypes()
    {
        Assert.AreEqual("Function bitwise:xor expected 2 arguments\n  -> number (Number) \n  -> mask (Number) was of type String\n\n", Fails("(bitwise:xor 1 \"a\")"));
        Assert.AreEqual("Function bitwise:lshift expected 2 arguments\n  -> number (Number) was of type List\n  -> shift (Number) \n\n", Fails("(bitwise:lshift [] 1)"));
        Assert.AreEqual("Function bitwise:and expected 2 arguments\n  -> a (Number) was of type Nil\n  -> b (Number) was of type Bool\n\n", Fails("(bitwise:and nil true)"));
    }

    [TestMethod]
    [DataRow("(bitwise:or 1e300 1)", "bitwise:or: a must be a finite number between -2^63 and 2^63, got 1e+300")]
    [DataRow("(bitwise:or 1 9223372036854775807)", "bitwise:or: b must be a finite number between -2^63 and 2^63, got 9.223372036854776e+18")]
    [DataRow("(bitwise:xor math:NaN 1)", "bitwise:xor: number must be a finite number between -2^63 and 2^63, got nan")]
    [DataRow("(bitwise:and 1 (- 0 math:Inf))", "bitwise:and: b must be a finite number between -2^63 and 2^63, got -inf")]
    [DataRow("(bitwise:rshift math:Inf 1)", "bitwise:rshift: number must be a finite number between -2^63 and 2^63, got inf")]
    public void NumbersOutsideTheIntegerRange(string call, string message) => Assert.AreEqual(message + "\n", Fails(call));

    [TestMethod]
    [DataRow("(bitwise:lshift 1 64)", "bitwise:lshift: shift must be between 0 and 63, got 64")]
    [DataRow("(bitwise:rshift 1 -1)", "bitwise:rshift: shift must be between 0 and 63, got -1")]
    [DataRow("(bitwise:rshift 1 math:NaN)", "bitwise:rshift: shift must be between 0 and 63, got nan")]
    [DataRow("(bitwise:lshift 1 1e20)", "bitwise:lshift: shift must be between 0 and 63, got 1e+20")]
    public void ShiftCountsOutsideTheWordSize(string call, string message) => Assert.AreEqual(message + "\n", Fails(call));
}
