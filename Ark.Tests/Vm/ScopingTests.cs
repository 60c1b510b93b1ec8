using Ark.Vm.Errors;
using static Ark.Tests.TestSupport.ArkRun;

namespace Ark.Tests.Vm;

[TestClass]
public sealed class ScopingTests
{
    [TestMethod]
    public void FreeVariableResolvesThroughTheCallersScope() =>
        Assert.AreEqual("42\n", Run("(let show (fun () (print x))) (let f (fun (x) (show))) (f 42)"));

    [TestMethod]
    public void InnermostCallerBindingWins() =>
        Assert.AreEqual("2\n1\n", Run("""
            (let x 1)
            (let show (fun () (print x)))
            (let f (fun (x) (show)))
            (f 2)
            (show)
            """));

    [TestMethod]
    public void SetOnAFreeVariableChangesTheCallersBinding() =>
        Assert.AreEqual("11\n", Run("""
            (let bump (fun () (set n (+ n 1))))
            (let f (fun (n) { (bump) (print n) }))
            (f 10)
            """));

    [TestMethod]
    public void LocalReadBeforeItsLetSeesTheOuterBinding() =>
        Assert.AreEqual("outer\ninner\n", Run("""
            (let v "outer")
            (let f (fun () { (print v) (let v "inner") (print v) }))
            (f)
            """));

    [TestMethod]
    public void GlobalsMayBeReferencedBeforeTheyAreDefined() =>
        Assert.AreEqual("true\nfalse\n", Run("""
            (let even? (fun (n) (if (= n 0) true (odd? (- n 1)))))
            (let odd? (fun (n) (if (= n 0) false (even? (- n 1)))))
            (print (even? 10))
            (print (odd? 10))
            """));

    [TestMethod]
    public void MethodsSeeTheirObjectsCapturedVariables() =>
        Assert.AreEqual("38\n40\n", Run("""
            (let person (fun (age) {
              (let birthday (fun () (set age (+ age 1))))
              (let set-age (fun (a) (set age a)))
              (fun (&age &birthday &set-age) ()) }))
            (let bob (person 38))
            (print bob.age)
            (bob.set-age 39)
            (bob.birthday)
            (print bob.age)
            """));

    [TestMethod]
    public void CopiesOfAClosureShareItsEnvironment() =>
        Assert.AreEqual("1\n2\n", Run("""
            (let counter (fun () { (mut c 0) (fun (&c) { (set c (+ c 1)) c }) }))
            (let a (counter))
            (let b a)
            (print (a))
            (print (b))
            """));

    [TestMethod]
    public void DeletedVariableHoldsUndefined() =>
        Assert.AreEqual("undefined\nUndefined\n", Run("(mut a 1) (del a) (print a) (print (type a))"));

    [TestMethod]
    public void UnboundVariableAtRunTimeIsAScopeError()
    {
        var e = Fails("(let f (fun () (print later))) (f) (let later 1)");
        Assert.AreEqual(ErrorKind.Scope, e.Error.Kind);
        Assert.AreEqual("Unbound variable `later'", e.Error.Message);
    }

    [TestMethod]
    public void CaptureOfAVariableThatIsNotInTheCurrentScopeFails()
    {
        var e = Fails("(let g 1) (let f (fun () (fun (&g) g))) (f)");
        Assert.AreEqual("ScopeError: Couldn't capture `g' as it is currently unbound", e.Error.Display);
    }
}
