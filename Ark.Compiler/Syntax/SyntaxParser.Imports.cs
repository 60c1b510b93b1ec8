namespace Ark.Compiler.Syntax;

/// <summary>
/// <c>(import a.b.c)</c>, <c>(import a.b:*)</c> and <c>(import a.b :x :y)</c>. The node is
/// <c>(import (a b c) (x y))</c>, or <c>(import (a b) *)</c> for a glob, and each import is
/// also recorded as an <see cref="Import"/>.
/// </summary>
internal sealed partial class SyntaxParser
{
    private const int MaxPackageNameLength = 255;

    private Node? ImportForm()
    {
        var form = new Node(NodeType.List);
        Place(form);
        if (!_cursor.Accept('('))
            return null;
        NewlineOrComment();
        if (!Word("import"))
            return null;
        NewlineOrComment();
        Add(form, new Node(Keyword.Import));

        int pathStart = _cursor.Offset;
        if (!PackageName(out string prefix))
            throw ErrorWithNextToken("Import expected a package name");
        CheckPackageNameLength(prefix, pathStart);
        var package = new List<string> { prefix };
        int line = _cursor.Line, column = _cursor.Column;

        var path = new Node(NodeType.List);
        Place(path);
        Add(path, Node.Symbol(prefix));

        while (!_cursor.IsEof)
        {
            if (_cursor.Accept('.'))
            {
                if (!PackageName(out string part))
                    throw ErrorWithNextToken("Package name expected after '.'");
                var partNode = Node.Symbol(part);
                Add(path, partNode);
                Place(partNode);
                package.Add(part);
                prefix = part;
                CheckPackageNameLength(part, pathStart);
            }
            // A ':' not followed by '*' stays consumed; the closing parenthesis is then missing.
            else if (_cursor.Accept(':') && _cursor.Accept('*'))
            {
                Add(form, path);
                var glob = Node.Symbol("*");
                Add(form, glob);
                Place(glob);
                Space();
                Expect(')');
                _imports.Add(new Import(package, prefix, [], WithPrefix: false, line, column));
                return form;
            }
            else
                break;
        }

        var symbols = new Node(NodeType.List);
        Place(symbols);
        var names = new List<string>();
        if (Space())
        {
            NewlineOrComment();
            while (!_cursor.IsEof)
            {
                if (_cursor.Accept(':'))
                {
                    if (!Name(out string symbol))
                        throw ErrorWithNextToken("Expected a valid symbol to import, not `'");
                    if (symbol == "*")
                        throw Error($"Glob patterns can not be separated from the package, use (import {string.Join('.', package)}:*) instead", symbol);
                    if (symbol.EndsWith(":*", StringComparison.Ordinal))
                    {
                        _cursor.Backtrack(_cursor.Offset - 2);
                        throw Error("Glob pattern can not follow a symbol to import", ":*");
                    }
                    var symbolNode = Node.Symbol(symbol);
                    Add(symbols, symbolNode);
                    Place(symbolNode);
                    names.Add(symbol);
                }

                if (!Space())
                    break;
                NewlineOrComment();
            }
        }

        Add(form, path);
        Add(form, symbols);
        _imports.Add(new Import(package, prefix, names, WithPrefix: true, line, column));

        NewlineOrComment();
        Expect(')');
        return form;
    }

    /// <summary>Package names become file names: each part is limited to 255 bytes.</summary>
    private void CheckPackageNameLength(string name, int pathStart)
    {
        if (name.Length <= MaxPackageNameLength)
            return;
        _cursor.Backtrack(pathStart);
        throw ErrorWithNextToken($"Import name too long, expected at most {MaxPackageNameLength} characters, got {name.Length}");
    }
}
