using System.Runtime.CompilerServices;

namespace Ark.Compiler.Syntax;

/// <summary>Parenthesised forms: the keyword forms, calls, [lists] and {blocks}.</summary>
internal sealed partial class SyntaxParser
{
    /// <summary>
    /// A form (never a bare atom). Each alternative is tried from the same offset; the first
    /// that recognises its opening wins, and from then on its errors are final.
    /// </summary>
    private Node? ParseNode()
    {
        // The reference crashes on absurd nesting; we must not (a .NET stack overflow kills the process).
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Error("Too deeply nested: the parser ran out of stack", _cursor.CurrentText);

        int start = _cursor.Offset;
        for (int alternative = 0; alternative < AlternativeCount; ++alternative)
        {
            if (TryAlternative(alternative) is { } node)
                return node;
            _cursor.Backtrack(start);
        }
        return null;
    }

    private const int AlternativeCount = 11;

    private Node? TryAlternative(int alternative) => alternative switch
    {
        0 => Wrapped(WrappedForm.LetMutSet),
        1 => Wrapped(WrappedForm.Function),
        2 => Wrapped(WrappedForm.Condition),
        3 => Wrapped(WrappedForm.Loop),
        4 => ImportForm(),
        5 => Block(),
        6 => Wrapped(WrappedForm.MacroCondition),
        7 => MacroDefinition(),
        8 => Wrapped(WrappedForm.Del),
        9 => FunctionCall(),
        _ => BracketList(),
    };

    /// <summary>The forms read inside a pair of parentheses by <see cref="Wrapped"/>.</summary>
    private enum WrappedForm
    {
        LetMutSet,
        Function,
        Condition,
        Loop,
        MacroCondition,
        Del,
    }

    /// <summary>An atom or a form, stamped with the cursor position after it if it has none.</summary>
    private Node? NodeOrValue()
    {
        if (Atom() is { } atom)
        {
            Place(atom);
            return atom;
        }
        if (ParseNode() is { } node)
        {
            Place(node);
            return node;
        }
        return null;
    }

    /// <summary>Parses <c>( form )</c> for the keyword forms.</summary>
    private Node? Wrapped(WrappedForm form)
    {
        int line = _cursor.Line, column = _cursor.Column;
        if (!_cursor.Accept('('))
            return null;
        NewlineOrComment();

        var inner = form switch
        {
            WrappedForm.LetMutSet => LetMutSet(),
            WrappedForm.Function => Function(),
            WrappedForm.Condition => Condition(),
            WrappedForm.Loop => Loop(),
            WrappedForm.MacroCondition => MacroCondition(),
            _ => Del(),
        };
        if (inner is not { } result)
            return null;
        Place(result, line, column);
        NewlineOrComment();
        if (result.IsListLike)
            Place(result.Children[^1]);
        if (!_cursor.Accept(')'))
            throw ErrorMissingSuffix(')', form switch
            {
                // The form's name as the "Missing ')' after ..." message gives it.
                WrappedForm.LetMutSet => "variable assignment or declaration",
                WrappedForm.Function => "function",
                WrappedForm.Condition => "condition",
                WrappedForm.Loop => "loop",
                WrappedForm.MacroCondition => "$if",
                _ => "del",
            });
        SpaceComment();
        return result;
    }

    private Node? LetMutSet()
    {
        var form = new Node(NodeType.List);
        Place(form);
        if (!Name(out string word) || word is not ("let" or "mut" or "set"))
            return null;
        NewlineOrComment();
        Add(form, new Node(word switch { "let" => Keyword.Let, "mut" => Keyword.Mut, _ => Keyword.Set }));

        if (_macroDepth > 0)
        {
            int start = _cursor.Offset;
            if (NodeOrValue() is { } name)
            {
                if (name.Type is not (NodeType.List or NodeType.Symbol or NodeType.Macro or NodeType.Spread))
                    throw Error($"Can not use a {name.Type} as a symbol name, even in a macro", name.Repr());
                Add(form, name);
            }
            else
                _cursor.Backtrack(start);
        }

        if (form.Children.Count == 1)
        {
            if (!Name(out string symbol))
                throw ErrorWithNextToken(word + " needs a symbol");
            Add(form, Node.Symbol(symbol));
        }

        NewlineOrComment();
        Add(form, NodeOrValue() ?? throw ErrorWithNextToken("Expected a value"));
        return form;
    }

    private Node? Del()
    {
        var form = new Node(NodeType.List);
        Place(form);
        if (!Word("del"))
            return null;
        Add(form, new Node(Keyword.Del));
        NewlineOrComment();

        if (!Name(out string symbol))
            throw ErrorWithNextToken("del needs a symbol");
        var target = Node.Symbol(symbol);
        Add(form, target);
        Place(target);
        return form;
    }

    private Node? Condition()
    {
        var form = new Node(NodeType.List);
        Place(form);
        if (!Word("if"))
            return null;
        NewlineOrComment();
        Add(form, new Node(Keyword.If));

        return ConditionalBranches(form, "If need a valid condition");
    }

    /// <summary>
    /// The rest of an <c>if</c> or <c>$if</c> once its keyword is read: the condition, the
    /// then-branch and an optional else-branch.
    /// </summary>
    private Node ConditionalBranches(Node form, string missingCondition)
    {
        Add(form, NodeOrValue() ?? throw ErrorWithNextToken(missingCondition));
        NewlineOrComment();
        Add(form, NodeOrValue() ?? throw ErrorWithNextToken("Expected a value"));
        NewlineOrComment();
        if (NodeOrValue() is { } otherwise)
        {
            Add(form, otherwise);
            NewlineOrComment();
        }

        Place(form.Children[^1]);
        return form;
    }

    private Node? Loop()
    {
        var form = new Node(NodeType.List);
        Place(form);
        if (!Word("while"))
            return null;
        NewlineOrComment();
        Add(form, new Node(Keyword.While));

        Add(form, NodeOrValue() ?? throw ErrorWithNextToken("While need a valid condition"));
        NewlineOrComment();
        Add(form, NodeOrValue() ?? throw ErrorWithNextToken("Expected a value"));

        Place(form.Children[^1]);
        return form;
    }

    /// <summary><c>(begin ...)</c> or <c>{...}</c>.</summary>
    private Node? Block()
    {
        var form = new Node(NodeType.List);
        Place(form);

        char closing;
        if (_cursor.Accept('('))
        {
            NewlineOrComment();
            if (!Word("begin"))
                return null;
            closing = ')';
        }
        else if (_cursor.Accept('{'))
            closing = '}';
        else
            return null;

        Add(form, new Node(Keyword.Begin));
        NewlineOrComment();
        ReadValuesInto(form);

        NewlineOrComment();
        Expect(closing);
        Place(form.Children[^1]);
        return form;
    }

    /// <summary>The argument list of a <c>fun</c>: symbols, then captures <c>&amp;x</c>; null when it is not one.</summary>
    private Node? FunctionArguments()
    {
        Expect('(');
        var arguments = new Node(NodeType.List);
        Place(arguments);
        NewlineOrComment();

        bool seenCapture = false;
        while (!_cursor.IsEof)
        {
            if (_cursor.Accept('&'))
            {
                seenCapture = true;
                if (!Name(out string capture))
                    break;
                Add(arguments, new Node(NodeType.Capture, capture));
                NewlineOrComment();
            }
            else
            {
                int start = _cursor.Offset;
                if (!Name(out string symbol))
                    break;
                if (seenCapture)
                {
                    _cursor.Backtrack(start);
                    throw Error("Captured variables should be at the end of the argument list", symbol);
                }
                Add(arguments, Node.Symbol(symbol));
                NewlineOrComment();
            }
        }

        return _cursor.Accept(')') ? arguments : null;
    }

    private Node? Function()
    {
        var form = new Node(NodeType.List);
        Place(form);
        if (!Word("fun"))
            return null;
        Add(form, new Node(Keyword.Fun));
        NewlineOrComment();

        if (_macroDepth > 0)
        {
            // In a macro the arguments may be any node, e.g. a macro parameter holding the list.
            int start = _cursor.Offset;
            if (NodeOrValue() is { } arguments)
            {
                Place(arguments);
                bool isNil = arguments.Type == NodeType.Symbol && arguments.Text == "nil";
                Add(form, isNil ? new Node(NodeType.List) : arguments);
                NewlineOrComment();
                Add(form, NodeOrValue() ?? throw ErrorWithNextToken("Expected a body for the function"));
                Place(form.Children[^1]);
                return form;
            }
            _cursor.Backtrack(start);
        }

        int argumentsStart = _cursor.Offset;
        if (FunctionArguments() is { } list)
            Add(form, list);
        else
        {
            _cursor.Backtrack(argumentsStart);
            Add(form, NodeOrValue() ?? throw ErrorWithNextToken("Expected an argument list"));
        }

        NewlineOrComment();
        Add(form, NodeOrValue() ?? throw ErrorWithNextToken("Expected a body for the function"));
        Place(form.Children[^1]);
        return form;
    }

    /// <summary><c>(callee args...)</c>; the callee is a symbol, a field or a form.</summary>
    private Node? FunctionCall()
    {
        if (!_cursor.Accept('('))
            return null;
        int line = _cursor.Line, column = _cursor.Column;
        NewlineOrComment();

        // An atom of another kind is not given back: the nested form is then read after it.
        var callee = AnyAtomOf(NodeType.Symbol, NodeType.Field) ?? ParseNode();
        if (callee is null)
            return null;
        NewlineOrComment();

        var call = new Node(NodeType.List);
        Place(call, line, column);
        Add(call, callee);
        ReadValuesInto(call);
        Place(call.Children[^1]);

        NewlineOrComment();
        Expect(')');
        return call;
    }

    /// <summary><c>[a b c]</c>, read as <c>(list a b c)</c>.</summary>
    private Node? BracketList()
    {
        var form = new Node(NodeType.List);
        Place(form);
        if (!_cursor.Accept('['))
            return null;
        Add(form, Node.Symbol("list"));
        NewlineOrComment();
        ReadValuesInto(form);

        Place(form.Children[^1]);
        Expect(']');
        return form;
    }

    /// <summary>Appends atoms and forms, each followed by blanks, until neither can be read.</summary>
    private void ReadValuesInto(Node form)
    {
        while (!_cursor.IsEof)
        {
            if (NodeOrValue() is not { } value)
                break;
            Add(form, value);
            NewlineOrComment();
        }
    }
}
