using Ark.Compiler.Diagnostics;
using Ark.Compiler.Syntax;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static Ark.Tests.Parsing.ParseHelpers;

namespace Ark.Tests.Parsing;

/// <summary>
/// Every parse error the reference raises, with its full diagnostic. The expected texts are
/// what the reference interpreter prints (with NOCOLOR) for the same inputs.
/// </summary>
[TestClass]
public sealed class ParseErrorTests
{
    private static void AssertDiagnostic(string source, string expected) =>
        Assert.AreEqual(expected, Diagnostic(source));

    [TestMethod]
    public void ErrorCarriesItsLocationAndCulprit()
    {
        var error = Error("(let a 1)\n(let 12 3)");
        Assert.AreEqual("let needs a symbol", error.Message);
        Assert.AreEqual(FileName, error.File);
        Assert.AreEqual(1, error.Line);
        Assert.AreEqual(7, error.Column);
        Assert.AreEqual("12", error.Expr, "the next token");
        Assert.AreEqual("1", error.Symbol, "the character under the cursor");
        Assert.AreEqual(2, error.UnderlineLength);
    }

    [TestMethod]
    public void ErrorAtEndOfInputHasAnEmptySymbol()
    {
        var error = Error("(print 1");
        Assert.AreEqual("Expected ')'", error.Message);
        Assert.AreEqual("", error.Symbol);
        Assert.AreEqual("", error.Expr);
    }

    [TestMethod]
    public void ParsingStopsAtTheFirstError() =>
        Assert.AreEqual("If need a valid condition", Error("(if)\n(let)").Message);

    [TestMethod]
    public void InvalidSyntax() => AssertDiagnostic(
        "(foo 1 2))\n",
        """
        In file test.ark
        At ) @ 1:10
            1 | (foo 1 2))
              |          ^
            2 |
                invalid syntax, expected node

        """);

    [TestMethod]
    public void TopLevelAtom() => AssertDiagnostic(
        "1",
        """
        In file test.ark
        At 1 @ 1:1
            1 | 1
              | ^
                invalid syntax, expected node

        """);

    [TestMethod]
    public void EmptySource() => AssertDiagnostic(
        "",
        """
        In file test.ark
        At EOF @ 1:0
                Expected symbol, got empty string

        """);

    [TestMethod]
    public void MissingParenAfterLet() => AssertDiagnostic(
        "(let x (+ 1 2)\n",
        """
        In file test.ark
        At EOF @ 2:0
            1 | (let x (+ 1 2)
            2 |
              | ^
                Missing ')' after variable assignment or declaration

        """);

    [TestMethod]
    public void MissingParenAfterFunction() => AssertDiagnostic(
        "(fun () 1 2)",
        """
        In file test.ark
        At 2 @ 1:11
            1 | (fun () 1 2)
              |           ^
                Missing ')' after function

        """);

    [TestMethod]
    public void MissingParenAfterCondition() => AssertDiagnostic(
        "(if a b c d)",
        """
        In file test.ark
        At d @ 1:11
            1 | (if a b c d)
              |           ^
                Missing ')' after condition

        """);

    [TestMethod]
    public void MissingParenAfterLoop() => AssertDiagnostic(
        "(while a b c)",
        """
        In file test.ark
        At c @ 1:12
            1 | (while a b c)
              |            ^
                Missing ')' after loop

        """);

    [TestMethod]
    public void MissingParenAfterMacroCondition() => AssertDiagnostic(
        "($if a b c d)",
        """
        In file test.ark
        At d @ 1:12
            1 | ($if a b c d)
              |            ^
                Missing ')' after $if

        """);

    [TestMethod]
    public void MissingParenAfterDel() => AssertDiagnostic(
        "(del a b)",
        """
        In file test.ark
        At b @ 1:8
            1 | (del a b)
              |        ^
                Missing ')' after del

        """);

    [TestMethod]
    public void MissingQuote() => AssertDiagnostic(
        "(let a \"abc",
        """
        In file test.ark
        At EOF @ 1:11
            1 | (let a "abc
              |           ^
                Missing '"' after string

        """);

    [TestMethod]
    public void UnknownEscape() => AssertDiagnostic(
        "(print \"a\\qb\")",
        """
        In file test.ark
        At \ @ 1:10
            1 | (print "a\qb")
              |          ^
                Unknown escape sequence

        """);

    [TestMethod]
    public void UnknownEscapeOnSecondLine() => AssertDiagnostic(
        "(let a 1)\n(print \"\\z\")\n",
        """
        In file test.ark
        At \ @ 2:10
            1 | (let a 1)
            2 | (print "\z")
              |          ^
            3 |
                Unknown escape sequence

        """);

    [TestMethod]
    public void ShortUnicodeEscape() => AssertDiagnostic(
        "(print \"\\u00\")",
        """
        In file test.ark
        At " @ 1:13
            1 | (print "\u00")
              | ^~~~~~~~~~~~~~
                Invalid escape sequence

        """);

    [TestMethod]
    public void NulUnicodeEscape() => AssertDiagnostic(
        "(print \"\\u0000\")",
        """
        In file test.ark
        At " @ 1:15
            1 | (print "\u0000")
              | ^~~~~~~~~~~~~~~~
                Invalid escape sequence

        """);

    [TestMethod]
    public void OutOfRangeUnicodeEscape() => AssertDiagnostic(
        "(print \"\\U00110000\")",
        """
        In file test.ark
        At " @ 1:19
            1 | (print "\U00110000")
              | ^~~~~~~~~~~~~~~~~~~~
                Invalid escape sequence

        """);

    [TestMethod]
    public void LetWithoutSymbol() => AssertDiagnostic(
        "(let 12 3)",
        """
        In file test.ark
        At 1 @ 1:6
            1 | (let 12 3)
              |      ^~
                let needs a symbol

        """);

    [TestMethod]
    public void MutWithoutSymbol() => AssertDiagnostic(
        "(mut)",
        """
        In file test.ark
        At ) @ 1:5
            1 | (mut)
              |     ^
                mut needs a symbol

        """);

    [TestMethod]
    public void SetWithoutSymbol() => AssertDiagnostic(
        "(set)",
        """
        In file test.ark
        At ) @ 1:5
            1 | (set)
              |     ^
                set needs a symbol

        """);

    [TestMethod]
    public void LetWithoutValue() => AssertDiagnostic(
        "(let a)",
        """
        In file test.ark
        At ) @ 1:7
            1 | (let a)
              |       ^
                Expected a value

        """);

    [TestMethod]
    public void IfWithoutCondition() => AssertDiagnostic(
        "(if)",
        """
        In file test.ark
        At ) @ 1:4
            1 | (if)
              |    ^
                If need a valid condition

        """);

    [TestMethod]
    public void WhileWithoutCondition() => AssertDiagnostic(
        "(while)",
        """
        In file test.ark
        At ) @ 1:7
            1 | (while)
              |       ^
                While need a valid condition

        """);

    [TestMethod]
    public void WhileWithoutBody() => AssertDiagnostic(
        "(while true)",
        """
        In file test.ark
        At ) @ 1:12
            1 | (while true)
              |            ^
                Expected a value

        """);

    [TestMethod]
    public void CaptureBeforeArgument() => AssertDiagnostic(
        "(fun (a &b c) a)",
        """
        In file test.ark
        At c @ 1:12
            1 | (fun (a &b c) a)
              |            ^
                Captured variables should be at the end of the argument list

        """);

    [TestMethod]
    public void FunctionWithoutBody() => AssertDiagnostic(
        "(fun (a) )",
        """
        In file test.ark
        At ) @ 1:10
            1 | (fun (a) )
              |          ^
                Expected a body for the function

        """);

    [TestMethod]
    public void FunctionWithBadArguments() => AssertDiagnostic(
        "(fun (1) x)",
        """
        In file test.ark
        At ( @ 1:6
            1 | (fun (1) x)
              |      ^
                Expected an argument list

        """);

    [TestMethod]
    public void FunctionWithoutArgumentList() => AssertDiagnostic(
        "(fun x)",
        """
        In file test.ark
        At x @ 1:6
            1 | (fun x)
              |      ^
                Expected '('

        """);

    [TestMethod]
    public void DelWithoutSymbol() => AssertDiagnostic(
        "(del 1)",
        """
        In file test.ark
        At 1 @ 1:6
            1 | (del 1)
              |      ^
                del needs a symbol

        """);

    [TestMethod]
    public void ImportWithoutPackage() => AssertDiagnostic(
        "(import)",
        """
        In file test.ark
        At ) @ 1:8
            1 | (import)
              |        ^
                Import expected a package name

        """);

    [TestMethod]
    public void ImportWithTrailingDot() => AssertDiagnostic(
        "(import std.)",
        """
        In file test.ark
        At ) @ 1:13
            1 | (import std.)
              |             ^
                Package name expected after '.'

        """);

    [TestMethod]
    public void ImportSeparatedGlob() => AssertDiagnostic(
        "(import std :*)",
        """
        In file test.ark
        At ) @ 1:15
            1 | (import std :*)
              | ^~~~~~~~~~~~~~~
                Glob patterns can not be separated from the package, use (import std:*) instead

        """);

    [TestMethod]
    public void ImportGlobAfterSymbol() => AssertDiagnostic(
        "(import std :a:*)",
        """
        In file test.ark
        At : @ 1:15
            1 | (import std :a:*)
              |               ^~
                Glob pattern can not follow a symbol to import

        """);

    [TestMethod]
    public void ImportEmptySymbol() => AssertDiagnostic(
        "(import std :)",
        """
        In file test.ark
        At ) @ 1:14
            1 | (import std :)
              |              ^
                Expected a valid symbol to import, not `'

        """);

    [TestMethod]
    public void ImportSymbolWithoutColon() => AssertDiagnostic(
        "(import std.List :a b)",
        """
        In file test.ark
        At b @ 1:21
            1 | (import std.List :a b)
              |                     ^
                Expected ')'

        """);

    [TestMethod]
    public void ImportNameTooLong() => AssertDiagnostic(
        "(import aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)",
        """
        In file test.ark
        At a @ 1:9
            1 | (import aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)
              |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                Import name too long, expected at most 255 characters, got 256

        """);

    [TestMethod]
    public void MacroWithoutName() => AssertDiagnostic(
        "($ )",
        """
        In file test.ark
        At ) @ 1:4
            1 | ($ )
              |    ^
                $ needs a symbol to declare a macro

        """);

    [TestMethod]
    public void MacroDuplicateArgument() => AssertDiagnostic(
        "($ m (a a) a)",
        """
        In file test.ark
        At a @ 1:9
            1 | ($ m (a a) a)
              |         ^
                Argument names must be unique, can not reuse `a'

        """);

    [TestMethod]
    public void MacroDuplicateSpread() => AssertDiagnostic(
        "($ m (a ...a) a)",
        """
        In file test.ark
        At . @ 1:9
            1 | ($ m (a ...a) a)
              |         ^~~~
                Argument names must be unique, can not reuse `a'

        """);

    [TestMethod]
    public void MacroSpreadWithoutName() => AssertDiagnostic(
        "($ m (a ...) a)",
        """
        In file test.ark
        At ) @ 1:12
            1 | ($ m (a ...) a)
              |            ^
                Expected a name for the variadic arguments list

        """);

    [TestMethod]
    public void MacroWithoutValue() => AssertDiagnostic(
        "($ m)",
        """
        In file test.ark
        At ) @ 1:5
            1 | ($ m)
              |     ^
                Expected an argument list, atom or node while defining macro `m'

        """);

    [TestMethod]
    public void MacroWithoutBody() => AssertDiagnostic(
        "($ m (a b))",
        """
        In file test.ark
        At ( @ 1:6
            1 | ($ m (a b))
              |      ^
                Expected a body while defined macro `m'. If you were trying to define a macro based on a function call, try wrapping it inside a begin node: ($ m { (a b) }).
                Without the begin node, '(a b)' is seen as an argument list.

        """);

    [TestMethod]
    public void MacroLetWithStringName() => AssertDiagnostic(
        "($ a (b) (let \"x\" 1))",
        """
        In file test.ark
        At ' ' @ 1:18
            1 | ($ a (b) (let "x" 1))
              |                  ^~~
                Can not use a String as a symbol name, even in a macro

        """);

    [TestMethod]
    public void MacroLetWithFieldName() => AssertDiagnostic(
        "($ a (let a.b 1))",
        """
        In file test.ark
        At ' ' @ 1:14
            1 | ($ a (let a.b 1))
              |              ^~~
                Can not use a Field as a symbol name, even in a macro

        """);

    [TestMethod]
    public void MacroConditionWithoutCondition() => AssertDiagnostic(
        "($if)",
        """
        In file test.ark
        At ) @ 1:5
            1 | ($if)
              |     ^
                $if need a valid condition

        """);

    [TestMethod]
    public void FieldWithoutName() => AssertDiagnostic(
        "(print a.)",
        """
        In file test.ark
        At ) @ 1:10
            1 | (print a.)
              |          ^
                Expected a field name: <symbol>.<field>

        """);

    [TestMethod]
    public void SpreadWithoutName() => AssertDiagnostic(
        "(print ...)",
        """
        In file test.ark
        At ) @ 1:11
            1 | (print ...)
              |           ^
                Expected a name for the variadic

        """);

    [TestMethod]
    public void NumberTooLarge() => AssertDiagnostic(
        "(let a 1e+400)",
        """
        In file test.ark
        At 1 @ 1:8
            1 | (let a 1e+400)
              |        ^~~~~~
                Is not a valid number

        """);

    [TestMethod]
    public void NumberWithoutExponentDigits() => AssertDiagnostic(
        "(let a 1e)",
        """
        In file test.ark
        At 1 @ 1:8
            1 | (let a 1e)
              |        ^~
                Is not a valid number

        """);

    [TestMethod]
    public void DotNumber() => AssertDiagnostic(
        "(print .5)",
        """
        In file test.ark
        At . @ 1:8
            1 | (print .5)
              |        ^
                Expected ')'

        """);

    [TestMethod]
    public void UnclosedBracket() => AssertDiagnostic(
        "[1 2",
        """
        In file test.ark
        At EOF @ 1:4
            1 | [1 2
              |    ^
                Expected ']'

        """);

    [TestMethod]
    public void UnclosedBrace() => AssertDiagnostic(
        "{1 2",
        """
        In file test.ark
        At EOF @ 1:4
            1 | {1 2
              |    ^
                Expected '}'

        """);

    [TestMethod]
    public void UnclosedBegin() => AssertDiagnostic(
        "(begin 1",
        """
        In file test.ark
        At EOF @ 1:8
            1 | (begin 1
              |        ^
                Expected ')'

        """);

    [TestMethod]
    public void UnclosedBracketSpillsOver() => AssertDiagnostic(
        "(let a 1)\n\n(print [1 2)\n(print 3)\n",
        """
        In file test.ark
        At ) @ 3:13
            1 | (let a 1)
            2 |
            3 | (print [1 2)
              | ^~~~~~~~~~~~
            4 | (print 3)
            5 |
                Expected ']'

        """);

    [TestMethod]
    public void ExtraParenMidFile() => AssertDiagnostic(
        "(let a 1)\n\n  (let b 2))\n(let c 3)\n(let d 4)\n",
        """
        In file test.ark
        At ) @ 3:13
            1 | (let a 1)
            2 |
            3 |   (let b 2))
              | ^~~~~~~~~~~~
            4 | (let c 3)
            5 | (let d 4)
                invalid syntax, expected node

        """);

    [TestMethod]
    public void TabBeforeError() => AssertDiagnostic(
        "(let a\t(foo \"x\\y\"))",
        """
        In file test.ark
        At \ @ 1:15
            1 | (let a	(foo "x\y"))
              |               ^
                Unknown escape sequence

        """);
}
