using System.Runtime.InteropServices;
using System.Text;
using Ark.Compiler.Diagnostics;

namespace Ark.Compiler.Syntax;

/// <summary>
/// The recursive-descent parser. It reproduces the reference parser's algorithm step for
/// step: which alternative is tried in which order, where the cursor goes back to after a
/// failed attempt, and when a node is stamped with the cursor's position. The resulting
/// tree, the positions it records and the errors it raises only match the reference if
/// the same reads and backtracks happen, so keep that order when editing.
/// This file holds the state, the lexical helpers and error reporting; the grammar is
/// spread over the other <c>SyntaxParser.*.cs</c> files.
/// </summary>
internal sealed partial class SyntaxParser
{
    private readonly SourceCursor _cursor;
    private readonly string _file;
    private readonly List<Import> _imports = [];

    // Above zero while reading a macro's body: names, argument lists and spreads may then be arbitrary nodes.
    private int _macroDepth;

    private SyntaxParser(byte[] source, string file)
    {
        _file = file;
        if (source.Length == 0)
            throw new CodeError("Expected symbol, got empty string", file, 0, 0, "", symbol: "");
        _cursor = new SourceCursor(source);
    }

    public static ParsedProgram Parse(byte[] source, string file)
    {
        var parser = new SyntaxParser(source, file);
        var program = parser.ReadProgram();
        return new ParsedProgram(program, parser._imports);
    }

    private Node ReadProgram()
    {
        var program = new Node(NodeType.List);
        program.Children.Add(new Node(Keyword.Begin));

        while (!_cursor.IsEof)
        {
            NewlineOrComment();
            if (_cursor.IsEof)
                break;

            int start = _cursor.Offset;
            var node = ParseNode();
            if (node is null)
            {
                _cursor.Backtrack(start);
                throw ErrorWithNextToken("invalid syntax, expected node");
            }
            program.Children.Add(node);
            SpaceComment();
        }
        return program;
    }

    // ---- positions ----

    /// <summary>Stamps the node with the cursor's position, unless it already has one.</summary>
    private void Place(Node node) => Place(node, _cursor.Line, _cursor.Column);

    private void Place(Node node, int line, int column)
    {
        if (!node.HasPosition)
            node.SetPosition(_file, line, column);
    }

    private static void Add(Node parent, Node child) => parent.Children.Add(child);

    // ---- lexical helpers ----

    private bool Space()
    {
        if (!_cursor.Accept(CharClass.IsSpace))
            return false;
        while (_cursor.Accept(CharClass.IsSpace))
        {
        }
        return true;
    }

    private void InlineSpace()
    {
        while (_cursor.Accept(CharClass.IsInlineSpace))
        {
        }
    }

    /// <summary>A '#' comment up to and including the end of its line.</summary>
    private bool Comment()
    {
        if (!_cursor.Accept('#'))
            return false;
        while (_cursor.Accept(static c => c != '\n'))
        {
        }
        _cursor.Accept('\n');
        return true;
    }

    /// <summary>Blanks and comments on the current line; true if there was a comment.</summary>
    private bool SpaceComment()
    {
        bool matched = false;
        InlineSpace();
        while (!_cursor.IsEof && Comment())
        {
            InlineSpace();
            matched = true;
        }
        return matched;
    }

    /// <summary>Any whitespace and comments; true if there was a comment.</summary>
    private bool NewlineOrComment()
    {
        bool matched = false;
        Space();
        while (!_cursor.IsEof && Comment())
        {
            Space();
            matched = true;
        }
        return matched;
    }

    private bool Digits(List<byte> sink)
    {
        if (!_cursor.Accept(CharClass.IsDigit, sink))
            return false;
        while (_cursor.Accept(CharClass.IsDigit, sink))
        {
        }
        return true;
    }

    private bool HexDigits(int count, List<byte> sink)
    {
        for (; count > 0; --count)
        {
            if (!_cursor.Accept(CharClass.IsHex, sink))
                return false;
        }
        return true;
    }

    /// <summary>An identifier: a letter or name symbol, then letters, digits or name symbols.</summary>
    private bool Name(out string name) => ReadWord(CharClass.IsNameStart, CharClass.IsNamePart, out name);

    private bool PackageName(out string name) => ReadWord(CharClass.IsAlnum, CharClass.IsPackagePart, out name);

    /// <summary>One character matching <paramref name="first"/>, then any matching <paramref name="rest"/> (all ASCII).</summary>
    private bool ReadWord(Func<int, bool> first, Func<int, bool> rest, out string word)
    {
        int start = _cursor.Offset;
        if (!_cursor.Accept(first))
        {
            word = "";
            return false;
        }
        while (_cursor.Accept(rest))
        {
        }
        word = _cursor.TextFrom(start);
        return true;
    }

    /// <summary>Consumes the characters of <paramref name="text"/> while they match (they stay consumed on failure).</summary>
    private bool Sequence(string text)
    {
        foreach (char c in text)
        {
            if (!_cursor.Accept(c))
                return false;
        }
        return true;
    }

    /// <summary>Reads a whole name and tells whether it is <paramref name="word"/>; the name is consumed either way.</summary>
    private bool Word(string word) => Name(out string name) && name == word;

    private static string Text(List<byte> bytes) => Encoding.UTF8.GetString(bytes.ToArray());

    // ---- errors (returned, so that call sites read "throw ...") ----

    /// <summary>An error at the cursor, naming the character under it.</summary>
    private CodeError Error(string message, string expr) => Error(message, expr, Encoding.UTF8.GetByteCount(expr));

    private CodeError Error(string message, string expr, int underlineLength) =>
        new(message, _file, _cursor.Line, _cursor.Column, expr, _cursor.CurrentText, underlineLength);

    /// <summary>An error at the cursor that quotes the rest of the token there (up to a blank or a parenthesis).</summary>
    private CodeError ErrorWithNextToken(string message)
    {
        int start = _cursor.Offset;
        var token = new List<byte>();
        while (_cursor.Accept(static c => !CharClass.EndsErrorToken(c), token))
        {
        }
        _cursor.Backtrack(start);
        return Error(message, Text(token), token.Count);
    }

    private CodeError ErrorMissingSuffix(char suffix, string what) => ErrorWithNextToken($"Missing '{suffix}' after {what}");

    /// <summary>Consumes <paramref name="c"/> or fails with "Expected 'c'".</summary>
    private void Expect(char c)
    {
        if (_cursor.Current != c)
            throw Error($"Expected '{c}'", _cursor.CurrentText, _cursor.CurrentBytes.Length);
        _cursor.Next();
    }
}
