using static Ark.Tests.TestSupport.ArkRun;

namespace Ark.Tests.Vm;

[TestClass]
public sealed class ListSemanticsTests
{
    [TestMethod]
    public void AppendInPlaceOnACopyLeavesTheOriginal() =>
        Assert.AreEqual("[1 2]\n[1 2 3]\n", Run("(mut a [1 2]) (mut b a) (append! b 3) (print a) (print b)"));

    [TestMethod]
    public void ListPassedToAFunctionIsTheCallersValue() =>
        Assert.AreEqual("[1 2 9]\n[1 2]\n", Run("""
            (let grow (fun (l) { (mut m l) (append! m 9) m }))
            (mut a [1 2])
            (print (grow a))
            (print a)
            """));

    [TestMethod]
    public void CapturedListIsASnapshot() =>
        Assert.AreEqual("[1]\n[1 2]\n", Run("""
            (mut a [1])
            (let f (fun (&a) a))
            (append! a 2)
            (print (f))
            (print a)
            """));

    [TestMethod]
    public void ListStoredInAListIsNotChangedThroughTheVariable() =>
        Assert.AreEqual("[[1]]\n[1 2]\n", Run("(mut inner [1]) (let outer [inner]) (append! inner 2) (print outer) (print inner)"));

    [TestMethod]
    public void InPlaceOperationsOnALocalGrowIt() =>
        Assert.AreEqual("1000\n", Run("""
            (let build (fun (n) { (mut l []) (mut i 0) (while (< i n) { (append! l i) (set i (+ i 1)) }) l }))
            (print (len (build 1000)))
            """));

    [TestMethod]
    public void PopAndConcatInPlace() =>
        Assert.AreEqual("[1 3 4 5]\n", Run("(mut l [1 2 3]) (pop! l 1) (concat! l [4 5]) (print l)"));
}
