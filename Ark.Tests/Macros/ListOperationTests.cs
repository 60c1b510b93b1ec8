namespace Ark.Tests.Macros;

[TestClass]
public sealed class ListOperationTests
{
    private static string Value(string body) => MacroHarness.Expand($"($ m () {body})\n(print (m))");

    [TestMethod]
    [DataRow("(len (fun () 5))", "3")]
    [DataRow("(len [1 2 3])", "3")]
    [DataRow("(len [])", "0")]
    [DataRow("(len [a 2])", "(len (list a 2))")]
    [DataRow("(len \"abc\")", "(len \"abc\")")]
    public void Length(string body, string expected) => Assert.AreEqual($"(print {expected})", Value(body));

    [TestMethod]
    [DataRow("(empty? ())", "true")]
    [DataRow("(empty? [])", "true")]
    [DataRow("(empty? (fun () ()))", "false")]
    [DataRow("(empty? nil)", "true")]
    [DataRow("(empty? [x])", "(empty? (list x))")]
    public void Emptiness(string body, string expected) => Assert.AreEqual($"(print {expected})", Value(body));

    [TestMethod]
    [DataRow("(@ [1 2 3] 0)", "1")]
    [DataRow("(@ [1 2 3] -1)", "3")]
    [DataRow("(@ (begin 7 8) 1)", "7")]
    [DataRow("(@ [1 2] -3)", "list")]
    public void Index(string body, string expected) => Assert.AreEqual($"(print {expected})", Value(body));

    [TestMethod]
    [DataRow("(head [1 2])", "1")]
    [DataRow("(head [])", "nil")]
    [DataRow("(head (fun () 1))", "fun")]
    [DataRow("(tail [1 2 3])", "(list 2 3)")]
    [DataRow("(tail [1])", "(list)")]
    [DataRow("(tail [])", "(list)")]
    [DataRow("(tail (begin 1 2 3))", "(list 1 2 3)")]
    public void HeadAndTail(string body, string expected) => Assert.AreEqual($"(print {expected})", Value(body));

    [TestMethod]
    public void OperationsOnTheRestParameter() =>
        Assert.AreEqual("(print 3 1 (list 2 3) 2 false)",
            MacroHarness.Expand("($ m (...a) (print (len a) (head a) (tail a) (@ a 1) (empty? a)))\n(m 1 2 3)"));

    [TestMethod]
    public void IndexOutOfRange() =>
        MacroHarness.AssertError("($ m (l) (@ l 5))\n(print (m [1 2]))", "Index (6) out of range (list size: 2)", "(@ (list 1 2) 5)", 1, 11);

    [TestMethod]
    public void IndexWithoutIndex() =>
        MacroHarness.AssertError("($ m (l) (@ l))\n(print (m [1]))", "Interpreting a `@' with 2 arguments, expected 2.", "(@ (list 1))", 1, 11);

    [TestMethod]
    [DataRow("len")]
    [DataRow("empty?")]
    [DataRow("head")]
    [DataRow("tail")]
    public void TooManyArguments(string name) =>
        MacroHarness.AssertError($"($ a ({name} 1 2))\n(print a)", $"When expanding `{name}' inside a macro, got 2 arguments, expected 1", $"({name} 1 2)", 2, 10);
}
