using Ark.Vm.Values;

namespace Ark.Tests.Vm;

[TestClass]
public sealed class ShortestDigitsTests
{
    [TestMethod]
    [DataRow(123.45, "12345", 3)]
    [DataRow(0.001, "1", -2)]
    [DataRow(1e20, "1", 21)]
    [DataRow(1.5e-7, "15", -6)]
    [DataRow(100.0, "1", 3)]
    [DataRow(0.1 + 0.2, "30000000000000004", 0)]
    public void DigitsAndPointReadBackAsTheNumber(double value, string digits, int point) =>
        Assert.AreEqual((digits, point), ShortestDigits.Of(value));

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(-1.0)]
    [DataRow(double.NaN)]
    [DataRow(double.PositiveInfinity)]
    public void OnlyPositiveFiniteNumbersHaveDigits(double value) =>
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ShortestDigits.Of(value)).Message, "expected a positive finite number");
}
