namespace Ark.Compiler.Syntax;

/// <summary>
/// Macro definitions <c>($ name value)</c> / <c>($ name (args ...rest) body)</c> and macro
/// conditions <c>($if cond then else?)</c>, both read as Macro nodes.
/// </summary>
internal sealed partial class SyntaxParser
{
    private Node? MacroCondition()
    {
        var form = new Node(NodeType.Macro);
        Place(form);
        if (!Word("$if"))
            return null;
        Add(form, new Node(Keyword.If));
        NewlineOrComment();

        return ConditionalBranches(form, "$if need a valid condition");
    }

    /// <summary>A macro's parameter list: distinct names, optionally ending with <c>...rest</c>.</summary>
    private Node? MacroArguments()
    {
        if (!_cursor.Accept('('))
            return null;
        var arguments = new Node(NodeType.List);
        Place(arguments);
        NewlineOrComment();

        var names = new List<string>();
        while (!_cursor.IsEof)
        {
            int start = _cursor.Offset;
            if (!Name(out string name))
                break;
            NewlineOrComment();
            Add(arguments, Node.Symbol(name));
            if (names.Contains(name))
            {
                _cursor.Backtrack(start);
                throw ErrorWithNextToken($"Argument names must be unique, can not reuse `{name}'");
            }
            names.Add(name);
        }

        int spreadStart = _cursor.Offset;
        if (Sequence("..."))
        {
            if (!Name(out string rest))
                throw ErrorWithNextToken("Expected a name for the variadic arguments list");
            Add(arguments, new Node(NodeType.Spread, rest));
            NewlineOrComment();
            if (names.Contains(rest))
            {
                _cursor.Backtrack(spreadStart);
                throw ErrorWithNextToken($"Argument names must be unique, can not reuse `{rest}'");
            }
        }

        if (!_cursor.Accept(')'))
            return null;
        NewlineOrComment();
        return arguments;
    }

    private Node? MacroDefinition()
    {
        var macro = new Node(NodeType.Macro);
        Place(macro);
        if (!_cursor.Accept('('))
            return null;
        NewlineOrComment();
        if (!Word("$"))
            return null;
        NewlineOrComment();

        if (!Name(out string name))
            throw ErrorWithNextToken("$ needs a symbol to declare a macro");
        NewlineOrComment();
        Add(macro, Node.Symbol(name));

        int afterName = _cursor.Offset;
        if (MacroArguments() is { } arguments)
            Add(macro, arguments);
        else
        {
            // Not a parameter list: ($ name value), unless a second value follows.
            _cursor.Backtrack(afterName);
            Add(macro, MacroBodyValue() ?? throw ErrorWithNextToken($"Expected an argument list, atom or node while defining macro `{name}'"));
            Place(macro.Children[^1]);
            if (_cursor.Accept(')'))
                return macro;
        }

        if (MacroBodyValue() is { } body)
            Add(macro, body);
        else
        {
            _cursor.Backtrack(afterName);
            if (macro.Children.Count == 2)
            {
                string parameters = macro.Children[^1].Repr();
                throw ErrorWithNextToken(
                    $"Expected a body while defined macro `{name}'. If you were trying to define a macro based on a function call, try wrapping it inside a begin node: ($ {name} {{ {parameters} }}).\n"
                    + $"Without the begin node, '{parameters}' is seen as an argument list.");
            }
            throw ErrorWithNextToken($"Expected a value while defining macro `{name}'");
        }

        Place(macro.Children[^1]);
        NewlineOrComment();
        Expect(')');
        return macro;
    }

    /// <summary>A value read with the relaxed rules of a macro body.</summary>
    private Node? MacroBodyValue()
    {
        ++_macroDepth;
        try
        {
            return NodeOrValue();
        }
        finally
        {
            --_macroDepth;
        }
    }
}
