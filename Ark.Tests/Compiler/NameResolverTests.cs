using Ark.Compiler;
using Ark.Compiler.Diagnostics;

namespace Ark.Tests.Compiler;

[TestClass]
public sealed class NameResolverTests
{
    private static CodeError Error(string source)
    {
        try
        {
            ArkCompiler.Compile(source, "test.ark");
        }
        catch (CodeError e)
        {
            return e;
        }
        Assert.Fail("expected a compile error");
        throw new InvalidOperationException();
    }

    [TestMethod]
    public void UnboundNameSuggestsTheClosestDefinedOne() =>
        Assert.AreEqual("Unbound variable error \"lenght\" (did you mean \"length\"?)", Error("(let length 1) (print lenght)").Message);

    [TestMethod]
    public void UnboundNameWithoutSuggestion() =>
        Assert.AreEqual("Unbound variable error \"zzz\" (variable is used but not defined)", Error("(print zzz)").Message);

    [TestMethod]
    public void SettingAConstantIsRejected() =>
        Assert.AreEqual("MutabilityError: Can not set the constant `a' to 2", Error("(let a 1) (set a 2)").Message);

    [TestMethod]
    public void LetCanNotRedefineInTheSameScope() =>
        Assert.AreEqual("MutabilityError: Can not use 'let' to redefine variable `a'", Error("(mut a 1) (let a 2)").Message);

    [TestMethod]
    public void LetMayShadowInAFunction() =>
        Assert.AreEqual("2\n", TestSupport.ArkRun.Run("(let a 1) (let f (fun () { (let a 2) a })) (print (f))"));

    [TestMethod]
    public void ReservedNamesCanNotBeRebound() =>
        Assert.AreEqual("Can not use a reserved identifier ('print') as a variable name.", Error("(mut print 1)").Message);

    [TestMethod]
    public void InPlaceUpdateOfAConstantListIsRejected() =>
        Assert.AreEqual("MutabilityError: Can not modify the constant list `l' using `append!'", Error("(let l [1]) (append! l 2)").Message);

    [TestMethod]
    public void AppendingAListToItselfInPlaceIsRejected() =>
        Assert.AreEqual("MutabilityError: Can not append! the list `l' to itself", Error("(mut l [1]) (append! l l)").Message);

    [TestMethod]
    public void CaptureOfAnUnknownName() =>
        Assert.AreEqual("Can not capture nope because it is referencing an unbound variable.", Error("(let f (fun (&nope) nope))").Message);

    [TestMethod]
    public void FreeStandingOperator() =>
        Assert.AreEqual("Found a free standing operator: `+`", Error("(let f +)").Message);

    [TestMethod]
    public void OperatorArity()
    {
        Assert.AreEqual("Operator needs one argument, but was called with 2", Error("(print (len [1] [2]))").Message);
        Assert.AreEqual("Operator needs two arguments, but was called with 1", Error("(print (@ [1]))").Message);
        Assert.AreEqual("can not create a chained expression (of length 3) for operator `<'. You most likely forgot a `)'.", Error("(print (< 1 2 3))").Message);
    }

    [TestMethod]
    public void CallingNothing() =>
        Assert.AreEqual("Can not call (begin)", Error("((begin))").Message);
}
