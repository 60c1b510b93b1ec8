using Ark.Vm.Builtins;
using Ark.Vm.Errors;
using Ark.Vm.Values;
using static Ark.Tests.Builtins.Harness;

namespace Ark.Tests.Builtins;

[TestClass]
public sealed class StringFormatTests
{
    private readonly Harness _h = new();

    private string F(string format, params Value[] values) => Show(_h.Call(StringBuiltins.Format, [S(format), .. values]));

    private void Fails(string format, string reason, params Value[] values)
    {
        var count = values.Length;
        AssertError(Harness.Fails(() => _h.Call(StringBuiltins.Format, [S(format), .. values])), ErrorKind.Runtime,
            $"str:format: can not format \"{format}\" ({count} argument{(count > 1 ? "s" : "")} provided) because of {reason}");
    }

    // expected texts produced by the reference interpreter
    [TestMethod]
    [DataRow("{:.2f}", 0.125, "0.12")]
    [DataRow("{:.0f}", 0.5, "0")]
    [DataRow("{:.0f}", 2.5, "2")]
    [DataRow("{:.1e}", 125.0, "1.2e+02")]
    [DataRow("{:.2}", 0.125, "0.12")]
    [DataRow("{:#}", 4.0, "4.")]
    [DataRow("{:#.3}", 1.0, "1.00")]
    [DataRow("{:#g}", 1e20, "1.00000e+20")]
    [DataRow("{:#e}", 0.0, "0.000000e+00")]
    [DataRow("{:#.0f}", 3.0, "3.")]
    [DataRow("{:#.0e}", 3.0, "3.e+00")]
    [DataRow("{:e}", 0.0, "0.000000e+00")]
    [DataRow("{:.0e}", 15.0, "2e+01")]
    [DataRow("{:010.2f}", -3.14159, "-000003.14")]
    [DataRow("{:<010}", 5.0, "5         ")]
    [DataRow("{:+010}", 7.0, "+000000007")]
    [DataRow("{: }", 7.0, " 7")]
    [DataRow("{:08}", double.NaN, "     nan")]
    [DataRow("{:8}", double.PositiveInfinity, "inf     ")]
    [DataRow("{:a}", 1.0, "0x1p+0")]
    [DataRow("{:.2a}", 3.14159, "0x1.92p+1")]
    [DataRow("{:A}", -255.5, "-0X1.FFP+7")]
    [DataRow("{:.1a}", 1.96875, "0x2.0p+0")]
    [DataRow("{:.3}", 1234567.0, "1.23e+06")]
    [DataRow("{:.20}", 0.1, "0.10000000000000000555")]
    [DataRow("{:g}", 0.00001, "1e-05")]
    [DataRow("{:.0}", 123.0, "1e+02")]
    [DataRow("{:F}", double.PositiveInfinity, "INF")]
    [DataRow("{:E}", 12345.678, "1.234568E+04")]
    [DataRow("{:.2f}", 0.001, "0.00")]
    [DataRow("{:.2f}", 0.006, "0.01")]
    [DataRow("{:.0f}", 0.4, "0")]
    [DataRow("{:#.0f}", 0.4, "0.")]
    [DataRow("{}", 1e16, "1e+16")]
    [DataRow("{}", 1e15, "1000000000000000")]
    [DataRow("{}", 0.0001, "0.0001")]
    [DataRow("{}", 0.00001, "1e-05")]
    [DataRow("{}", 123456789012345680000.0, "1.2345678901234568e+20")]
    [DataRow("{:.3f}", 1e20, "100000000000000000000.000")]
    [DataRow("{:g}", 100000.0, "100000")]
    [DataRow("{:g}", 1000000.0, "1e+06")]
    [DataRow("{:#g}", 0.5, "0.500000")]
    [DataRow("{:.5g}", 0.000123456, "0.00012346")]
    [DataRow("{:10.3e}", -0.000123456, "-1.235e-04")]
    [DataRow("{:^12.4}", 3.14159, "   3.142    ")]
    [DataRow("{:*<9}", -2.0, "-2*******")]
    [DataRow("{:>+9.1f}", 2.25, "     +2.2")]
    [DataRow("{:-}", -0.0, "-0")]
    [DataRow("{:+}", -0.0, "-0")]
    [DataRow("{}", -0.0, "-0")]
    [DataRow("{:.3}", double.NaN, "nan")]
    [DataRow("{:x<5}", double.NaN, "nanxx")]
    [DataRow("{:f}", 1e300, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000")]
    [DataRow("{:.17g}", 0.1, "0.10000000000000001")]
    [DataRow("{:.1f}", 0.05, "0.1")]
    [DataRow("{:.1f}", 0.15, "0.1")]
    [DataRow("{:.1f}", 0.25, "0.2")]
    [DataRow("{:L}", 1234.5, "1234.5")]
    [DataRow("{:#.2a}", 1.0, "0x1.00p+0")]
    [DataRow("{:.0a}", 1.5, "0x2p+0")]
    [DataRow("{:a}", 0.1, "0x1.999999999999ap-4")]
    public void Numbers(string format, double value, string expected)
    {
        if (double.IsNaN(value))
            value = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000);
        Assert.AreEqual(expected, F(format, N(value)));
    }

    [TestMethod]
    public void PlainFieldsAndValues()
    {
        Assert.AreEqual("1 a", F("{} {}", N(1), S("a")));
        Assert.AreEqual("1", F("{}", N(1), N(2), N(3)));
        Assert.AreEqual("a b a", F("{0} {1} {0}", S("a"), S("b")));
        Assert.AreEqual("[1 \"a\"] nil", F("{} {}", L(N(1), S("a")), Value.Nil));
        Assert.AreEqual("true false", F("{} {}", Value.True, Value.False));
        Assert.AreEqual("Test 1 with {}", F("Test {} with {{}}", S("1")));
        Assert.AreEqual("CProcedure", F("{}", BuiltinTable.All[BuiltinTable.IndexOf("print")].Value));
        Assert.AreEqual("x", F("x", N(1)));
        Assert.AreEqual("a long format string of more than thirty-two bytes: 1 }", F("a long format string of more than thirty-two bytes: {} }}", N(1)));
    }

    [TestMethod]
    public void StringSpecs()
    {
        Assert.AreEqual("3.14|    ab|1   |  mid  |1.234500e+03", F("{:.2f}|{:>6}|{:<4}|{:^7}|{:e}", N(3.14159), S("ab"), N(1), S("mid"), N(1234.5)));
        Assert.AreEqual("  2.5|1e+20|0x1.8p+0|+3|4.", F("{:5}|{:g}|{:a}|{:+}|{:#}", N(2.5), N(1e20), N(1.5), N(3), N(4)));
        Assert.AreEqual("abc|     3.142|-000000042|****x****", F("{:.3}|{:10.3f}|{:010}|{:*^9}", S("abcdef"), N(3.14159), N(-42), S("x")));
        Assert.AreEqual("\"a\\\"b\\n\" x \"é\"      |  é", F("{:?} {:s} {:10?}|{:>3s}", S("a\"b\n"), S("x"), S("é"), S("é")));
        Assert.AreEqual("日本 |日|  é   |", F("{:5}|{:.1}|{:^6}|", S("日本"), S("日本"), S("é")));
        Assert.AreEqual("xéé", F("{:é<3}", S("x")));
    }

    [TestMethod]
    public void Errors()
    {
        Fails("{} {}", "argument not found", N(1));
        Fails("{:x}", "invalid format specifier", N(255));
        Fails("{:d}", "invalid format specifier", N(255));
        Fails("{", "invalid format string", N(1));
        Fails("}", "unmatched '}' in format string", N(1));
        Fails("{} {0}", "cannot switch from automatic to manual argument indexing", N(1));
        Fails("{0} {}", "cannot switch from manual to automatic argument indexing", N(1));
        Fails("{:%}", "invalid format specifier", N(1));
        Fails("{name}", "argument not found", N(1));
        Fails("{5}", "argument not found", N(1), N(2));
        Fails("{0x}", "invalid format string", N(1));
        Fails("{:+}", "invalid format specifier", S("a"));
        Fails("{:#}", "invalid format specifier", S("a"));
        Fails("{:05}", "format specifier requires numeric argument", S("a"));
        Fails("{:f}", "invalid format specifier", S("a"));
        Fails("{:s}", "invalid format specifier", N(1));
        Fails("{:{}}", "width is not integer", N(1), N(2));
        Fails("{:.{}}", "precision is not integer", N(1), N(2));
        Fails("{:{}}", "argument not found", N(1));
        Fails("{:.}", "invalid precision", N(1));
        Fails("{:fx}", "missing '}' in format string", N(1));
        Fails("{a b}", "argument not found", N(1));
        Fails("{:<<<}", "invalid format specifier", N(1));
        Fails("{:{<5}", "invalid fill character '{'", N(1));
        Fails("{:99999999999}", "number is too big", N(1));
    }

    [TestMethod]
    public void ContractErrors()
    {
        AssertError(Harness.Fails(() => _h.Call(StringBuiltins.Format, S("x"))), ErrorKind.Type,
            "Function str:format expected 2 arguments but got 1\n  -> string (String) \n  -> variadic value (any) was not provided\n");
        AssertError(Harness.Fails(() => _h.Call(StringBuiltins.Format, N(1), N(2))), ErrorKind.Type,
            "Function str:format expected 2 arguments\n  -> string (String) was of type Number\n  -> variadic value (any) \n");
    }
}
