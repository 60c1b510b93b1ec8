using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class TypeCheckTests
{
    [TestMethod]
    public void AlternativesAndWrongTypes()
    {
        var e = TypeCheck.Error("+", [N(1), S("a")],
            new Contract(new Param("a", ValueKind.Number), new Param("b", ValueKind.Number)),
            new Contract(new Param("a", ValueKind.String), new Param("b", ValueKind.String)));
        Assert.AreEqual(
            "Function + expected 2 arguments\n  -> a (Number) \n  -> b (Number) was of type String\nAlternative 2:\n  -> a (String) was of type Number\n  -> b (String) \n",
            e.Display);
        Assert.AreEqual(ErrorKind.Type, e.Kind);
    }

    [TestMethod]
    public void VariadicCountsMismatches()
    {
        var contract = new Contract(new Param("filename", ValueKind.String), Param.Rest("filenames", ValueKind.String));
        Assert.AreEqual(
            "Function io:removeFiles expected 2 arguments but got 3\n  -> filename (String) \n  -> variadic filenames (String) 2 arguments do not match\n",
            TypeCheck.Error("io:removeFiles", [S("a"), N(1), N(2)], contract).Display);
        Assert.AreEqual(
            "Function io:removeFiles expected 2 arguments but got 0\n  -> filename (String) was not provided\n  -> variadic filenames (String) was not provided\n",
            TypeCheck.Error("io:removeFiles", [], contract).Display);
        Assert.AreEqual(
            "Function io:removeFiles expected 2 arguments\n  -> filename (String) \n  -> variadic filenames (String) 1 argument do not match\n",
            TypeCheck.Error("io:removeFiles", [S("a"), N(2)], contract).Display);
    }

    [TestMethod]
    public void BetweenCountsAndUndefinedArgumentsAreLeftOut()
    {
        var e = TypeCheck.Error("input", [N(1)], new Contract(), new Contract(new Param("prompt", ValueKind.String)));
        Assert.AreEqual("Function input expected between 0 argument and 1 argument\nAlternative 2:\n  -> prompt (String) was of type Number\n", e.Display);
        var t = TypeCheck.Error("type", [Value.Undefined], new Contract(Param.Any("value")));
        Assert.AreEqual("Function type expected 1 argument but got 0\n  -> value (any) was not provided\n", t.Display);
    }
}
