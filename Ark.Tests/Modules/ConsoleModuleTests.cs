using System.Text;
using Ark.Cli;
using static Ark.Tests.Modules.ModuleHarness;

namespace Ark.Tests.Modules;

[TestClass]
public sealed class ConsoleModuleTests
{
    private static string Color(string name) => Run($"(import console)\n(console:color \"{name}\")", colorOutput: true);

    [TestMethod]
    [DataRow("reset", "\x1b[00m")]
    [DataRow("bold", "\x1b[1m")]
    [DataRow("dark", "\x1b[2m")]
    [DataRow("underline", "\x1b[4m")]
    [DataRow("blink", "\x1b[5m")]
    [DataRow("reverse", "\x1b[7m")]
    [DataRow("concealed", "\x1b[8m")]
    [DataRow("grey", "\x1b[30m")]
    [DataRow("red", "\x1b[31m")]
    [DataRow("green", "\x1b[32m")]
    [DataRow("yellow", "\x1b[33m")]
    [DataRow("blue", "\x1b[34m")]
    [DataRow("magenta", "\x1b[35m")]
    [DataRow("cyan", "\x1b[36m")]
    [DataRow("white", "\x1b[37m")]
    [DataRow("on_grey", "\x1b[40m")]
    [DataRow("on_red", "\x1b[41m")]
    [DataRow("on_green", "\x1b[42m")]
    [DataRow("on_yellow", "\x1b[43m")]
    [DataRow("on_blue", "\x1b[44m")]
    [DataRow("on_magenta", "\x1b[45m")]
    [DataRow("on_cyan", "\x1b[46m")]
    [DataRow("on_white", "\x1b[47m")]
    public void EachColourWritesItsCode(string name, string code) => Assert.AreEqual(code, Color(name));

    [TestMethod]
    public void ColourCodesComeInOrderWithPrintedText() =>
        Assert.AreEqual("plain\n\x1b[31mred\n\x1b[00mplain again\n", Run("""
            (import console)
            (print "plain")
            (console:color "red")
            (print "red")
            (console:color "reset")
            (print "plain again")
            """, colorOutput: true));

    [TestMethod]
    public void ColourWritesNothingWhenTheOutputIsNotAColourTerminal() =>
        Assert.AreEqual("a\nb\n", Run("(import console)\n(console:color \"red\")\n(print \"a\")\n(console:color \"reset\")\n(print \"b\")"));

    [TestMethod]
    public void ColourReturnsNil() => Assert.AreEqual("nil\n", Run("(import console)\n(print (console:color \"bold\"))"));

    [TestMethod]
    public void ClearErasesTheScreenAndHomesTheCursor()
    {
        Assert.AreEqual("before\n\x1b[2J\x1b[Hafter nil\n", Run("(import console)\n(print \"before\")\n(print \"after \" (console:clear))"));
        Assert.AreEqual("\x1b[2J\x1b[H", Run("(import console)\n(console:clear)", colorOutput: true));
    }

    [TestMethod]
    public void UnknownColourName()
    {
        Assert.AreEqual("Couldn't identify argument given to console:color: 'purple'\n", Error("(import console)\n(console:color \"purple\")"));
        Assert.AreEqual("Couldn't identify argument given to console:color: 'RED'\n", Error("(import console)\n(console:color \"RED\")"));
    }

    [TestMethod]
    public void ColourArgumentErrors()
    {
        Assert.AreEqual("Function console:color expected 1 argument\n  -> color_name (String) was of type Number\n\n", Error("(import console)\n(console:color 1)"));
        Assert.AreEqual("Function console:color expected 1 argument but got 0\n  -> color_name (String) was not provided\n\n", Error("(import console)\n(console:color)"));
        Assert.AreEqual("Function console:color expected 1 argument but got 2\n  -> color_name (String) \n\n", Error("(import console)\n(console:color \"red\" \"blue\")"));
    }

    [TestMethod]
    public void ClearTakesNoArgument() =>
        Assert.AreEqual("Function console:clear expected 0 argument but got 1\n\n", Error("(import console)\n(console:clear \"all\")"));

    [TestMethod]
    public void ArkColoursItsOutputOnlyWhenItIsATerminal()
    {
        const string Code = "(import console) (console:color \"green\") (print \"ok\") (console:color \"reset\")";
        foreach (var (terminal, expected) in new[] { (true, "\x1b[32mok\n\x1b[00m"), (false, "ok\n") })
        {
            var stdout = new MemoryStream();
            var command = new ArkCommand(stdout, new StringWriter(), new StringReader("")) { Colorize = terminal };
            Assert.AreEqual(0, command.Run(["-e", Code]));
            Assert.AreEqual(expected, Encoding.UTF8.GetString(stdout.ToArray()));
        }
    }
}
