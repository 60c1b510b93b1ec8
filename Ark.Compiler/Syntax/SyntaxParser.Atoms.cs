using System.Globalization;
using System.Text;

namespace Ark.Compiler.Syntax;

/// <summary>Atoms: numbers, strings, spreads, fields, symbols and <c>()</c>.</summary>
internal sealed partial class SyntaxParser
{
    private Node? Atom()
    {
        int start = _cursor.Offset;

        if (NumberAtom() is { } number)
            return number;
        _cursor.Backtrack(start);

        if (StringAtom() is { } text)
            return text;
        _cursor.Backtrack(start);

        // Read even outside macros: a "..." without a name is an error everywhere.
        if (SpreadAtom() is { } spread && _macroDepth > 0)
            return spread;
        _cursor.Backtrack(start);

        if (FieldAtom() is { } field)
            return field;
        _cursor.Backtrack(start);

        if (SymbolAtom() is { } symbol)
            return symbol;
        _cursor.Backtrack(start);

        if (NilAtom() is { } nil)
            return nil;
        _cursor.Backtrack(start);

        return null;
    }

    /// <summary>An atom of one of the given types; the input an atom of another type used stays consumed.</summary>
    private Node? AnyAtomOf(NodeType first, NodeType second) =>
        Atom() is { } atom && (atom.Type == first || atom.Type == second) ? atom : null;

    /// <summary><c>-?digits(.digits?)?([eE][+-]?digits?)?</c>, which must then be a whole, finite-or-negative double.</summary>
    private Node? NumberAtom()
    {
        int start = _cursor.Offset;
        var text = new List<byte>();

        _cursor.Accept('-', text);
        if (!Digits(text))
            return null;
        if (_cursor.Accept('.', text))
            Digits(text);
        if (_cursor.Accept(static c => c is 'e' or 'E', text))
        {
            _cursor.Accept(static c => c is '-' or '+', text);
            Digits(text);
        }

        string literal = Text(text);
        if (TryParseNumber(literal, out double value))
            return new Node(value);
        _cursor.Backtrack(start);
        throw Error("Is not a valid number", literal);
    }

    /// <summary>
    /// Accepts what C's strtod would consume entirely, except +HUGE_VAL: an exponent needs
    /// digits, and a positive overflow is an error while a negative one gives -inf.
    /// </summary>
    private static bool TryParseNumber(string literal, out double value)
    {
        value = 0;
        int e = literal.IndexOfAny(['e', 'E']);
        if (e >= 0 && !CharClass.IsDigit(literal[^1]))
            return false;

        // .NET does not take "1." or "1.e5"; strtod does, with the same value as without the dot.
        string normalized = literal.Replace(".e", "e").Replace(".E", "E").TrimEnd('.');
        value = double.Parse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture);
        return !double.IsPositiveInfinity(value);
    }

    private Node? StringAtom()
    {
        if (!_cursor.Accept('"'))
            return null;

        var bytes = new List<byte>();
        while (true)
        {
            if (_cursor.Accept('\\'))
                ReadEscape(bytes);
            else
                _cursor.Accept(static c => c is not ('\\' or '"'), bytes);

            if (_cursor.Accept('"'))
                break;
            if (_cursor.IsEof)
                throw ErrorMissingSuffix('"', "string");
        }
        return Node.String(Text(bytes));
    }

    /// <summary>Decodes the escape after a backslash into <paramref name="bytes"/>.</summary>
    private void ReadEscape(List<byte> bytes)
    {
        char? simple = _cursor.Current switch
        {
            '"' => '"',
            '\\' => '\\',
            'n' => '\n',
            't' => '\t',
            'v' => '\v',
            'r' => '\r',
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            _ => null,
        };
        if (simple is { } c && !_cursor.IsEof)
        {
            _cursor.Next();
            bytes.Add((byte)c);
            return;
        }

        if (_cursor.Accept('u'))
            ReadCodepointEscape('u', 4, bytes);
        else if (_cursor.Accept('U'))
            ReadCodepointEscape('U', 8, bytes);
        else
        {
            _cursor.Backtrack(_cursor.Offset - 1);
            throw Error("Unknown escape sequence", "\\");
        }
    }

    /// <summary><c>\uXXXX</c> or <c>\UXXXXXXXX</c>: exactly that many hex digits naming a code point from 1 to U+10FFFF.</summary>
    private void ReadCodepointEscape(char letter, int digits, List<byte> bytes)
    {
        var hex = new List<byte>();
        if (!HexDigits(digits, hex))
            throw Error("Invalid escape sequence", "\\" + letter);

        string text = Text(hex);
        // Only the significant digits count, so that a huge \U value is rejected rather than wrapped.
        string significant = text.TrimStart('0');
        long codepoint = significant.Length is > 0 and <= 7 ? long.Parse(significant, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : significant.Length == 0 ? 0 : -1;
        if (codepoint is <= 0 or > 0x10FFFF)
            throw Error("Invalid escape sequence", "\\" + letter + text);
        AppendUtf8((int)codepoint, bytes);
    }

    /// <summary>UTF-8 of any code point, surrogates included (as the reference encodes them).</summary>
    private static void AppendUtf8(int codepoint, List<byte> bytes)
    {
        if (codepoint < 0x80)
            bytes.Add((byte)codepoint);
        else if (codepoint < 0x800)
        {
            bytes.Add((byte)(0xC0 | (codepoint >> 6)));
            bytes.Add((byte)(0x80 | (codepoint & 0x3F)));
        }
        else if (codepoint < 0x10000)
        {
            bytes.Add((byte)(0xE0 | (codepoint >> 12)));
            bytes.Add((byte)(0x80 | ((codepoint >> 6) & 0x3F)));
            bytes.Add((byte)(0x80 | (codepoint & 0x3F)));
        }
        else
        {
            bytes.Add((byte)(0xF0 | (codepoint >> 18)));
            bytes.Add((byte)(0x80 | ((codepoint >> 12) & 0x3F)));
            bytes.Add((byte)(0x80 | ((codepoint >> 6) & 0x3F)));
            bytes.Add((byte)(0x80 | (codepoint & 0x3F)));
        }
    }

    private Node? SpreadAtom()
    {
        if (!Sequence("..."))
            return null;
        if (!Name(out string name))
            throw ErrorWithNextToken("Expected a name for the variadic");
        return new Node(NodeType.Spread, name);
    }

    /// <summary><c>a.b.c</c>; null for a plain name, so that it is read again as a symbol.</summary>
    private Node? FieldAtom()
    {
        if (!Name(out string first))
            return null;

        var field = new Node(NodeType.Field);
        Place(field);
        Add(field, Node.Symbol(first));
        while (_cursor.Accept('.'))
        {
            if (!Name(out string part))
                throw ErrorWithNextToken("Expected a field name: <symbol>.<field>");
            Add(field, Node.Symbol(part));
        }
        return field.Children.Count > 1 ? field : null;
    }

    private Node? SymbolAtom() => Name(out string name) ? Node.Symbol(name) : null;

    /// <summary><c>()</c>, possibly with blanks or comments inside, reads as the symbol <c>nil</c>.</summary>
    private Node? NilAtom()
    {
        if (!_cursor.Accept('('))
            return null;
        NewlineOrComment();
        return _cursor.Accept(')') ? Node.Symbol("nil") : null;
    }
}
