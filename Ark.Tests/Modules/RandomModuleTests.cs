using Ark.Modules.Random;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Modules;

[TestClass]
public sealed class RandomModuleTests
{
    private readonly LoadedModule _random = new(new RandomModule());

    [TestMethod]
    public void BindsTheBareModuleName()
    {
        CollectionAssert.AreEqual(new[] { "random" }, _random.Names.ToArray());
        Assert.AreEqual("random", _random.Function("random").Name);
    }

    [TestMethod]
    public void ReturnsWholeNumbersAcrossTheWholeRange()
    {
        var seen = new HashSet<double>();
        double min = double.MaxValue, max = double.MinValue;
        for (var i = 0; i < 20_000; i++)
        {
            var v = _random.Call("random");
            Assert.AreEqual(ValueKind.Number, v.Kind);
            Assert.AreEqual(Math.Floor(v.Num), v.Num);
            Assert.IsTrue(v.Num >= 0 && v.Num < 32768, $"{v.Num} is out of range");
            seen.Add(v.Num);
            min = Math.Min(min, v.Num);
            max = Math.Max(max, v.Num);
        }
        // 20000 uniform draws from 32768 values: about 14000 distinct, both ends reached closely
        Assert.IsGreaterThan(10_000, seen.Count);
        Assert.IsLessThan(100, min);
        Assert.IsGreaterThan(32_668, max);
    }

    [TestMethod]
    public void ConcurrentCallersAllGetValidNumbers()
    {
        var results = new double[4][];
        Parallel.For(0, 4, t =>
        {
            var own = new LoadedModule(new RandomModule());
            results[t] = Enumerable.Range(0, 5000).Select(_ => own.Call("random").Num).ToArray();
        });
        foreach (var r in results)
        {
            Assert.IsTrue(r.All(v => v >= 0 && v < 32768));
            // a generator corrupted by unsynchronised use returns zeros from then on
            Assert.IsGreaterThan(3000, r.Distinct().Count());
        }
    }

    [TestMethod]
    public void ArgumentsAreAnError()
    {
        AssertError(Fails(() => _random.Call("random", N(10))), ErrorKind.Type,
            "Function random expected 0 argument but got 1\n");
        AssertError(Fails(() => _random.Call("random", N(1), N(2))), ErrorKind.Type,
            "Function random expected 0 argument but got 2\n");
    }
}
