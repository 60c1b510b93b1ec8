using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// Expands the macros of a program, as the reference's macro processor does: it walks the
/// tree list by list, registers <c>($ ...)</c> definitions in the scope of the list that holds
/// them, replaces macro uses by their expansion, resolves <c>($if ...)</c> and the special
/// macros (<c>$symcat</c>, <c>$argcount</c>, <c>$repr</c>, <c>$paste</c>, <c>$undef</c>), and
/// removes the definitions from the tree. A <c>(begin ...)</c> produced by a macro is spliced
/// into the list around it.
/// </summary>
public sealed class MacroProcessor
{
    private readonly MacroScopes _scopes = new();
    private readonly Dictionary<string, MacroNode> _definedFunctions = new(StringComparer.Ordinal);
    private readonly IMacroExecutor[] _executors;
    private readonly MacroEvaluator _evaluator;

    private MacroProcessor()
    {
        _evaluator = new MacroEvaluator(this);
        _executors = [new SymbolMacroExecutor(this), new ConditionalMacroExecutor(this), new FunctionMacroExecutor(this)];
    }

    /// <summary>Expands every macro of <paramref name="program"/> (left untouched) and returns the new tree.</summary>
    /// <param name="program">The parsed program: a List node starting with the Begin keyword.</param>
    /// <exception cref="Diagnostics.CodeError">A macro is misused; the error carries the reference's message and location.</exception>
    public static Node Expand(Node program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var processor = new MacroProcessor();
        var root = MacroNode.From(program);
        processor.ProcessNode(root, 0);
        return root.ToNode();
    }

    internal MacroScopes Scopes => _scopes;

    internal MacroNode? FindMacro(string name) => _scopes.Find(name);

    /// <summary>The parameter list of a function bound with let/mut/set earlier in the program.</summary>
    internal MacroNode? FindDefinedFunction(string name) => _definedFunctions.GetValueOrDefault(name);

    internal MacroNode Evaluate(MacroNode node, int depth, bool isNotBody) => _evaluator.Evaluate(node, depth, isNotBody);

    /// <summary>Runs the first executor that handles <paramref name="node"/>; true when one rewrote it.</summary>
    internal bool ApplyMacro(MacroNode node, int depth)
    {
        if (depth > MacroErrors.MaxProcessingDepth)
            throw MacroErrors.ProcessingDepth(node);

        foreach (var executor in _executors)
        {
            if (executor.CanHandle(node) && executor.Apply(node, depth))
                return true;
        }
        return false;
    }

    /// <summary>Records <c>($ name value)</c> or <c>($ name (args) body)</c> in the innermost scope.</summary>
    internal void RegisterMacro(MacroNode node)
    {
        if (node.Count < 2 || node[0].Type != NodeType.Symbol)
            return;
        if (node.Count == 2 || (node.Count == 3 && node[1].Type == NodeType.List))
        {
            if (_scopes.IsEmpty)
                _scopes.Push(0);
            _scopes.Innermost.Add(node[0].Text, node);
        }
    }

    private void ProcessNode(MacroNode node, int depth)
    {
        if (depth >= MacroErrors.MaxProcessingDepth)
            throw MacroErrors.RecursionDepth(node);
        if (node.Type != NodeType.List)
            return;

        bool hasCreatedScope = false;
        int i = 0;
        while (i < node.Count)
        {
            var child = node[i];
            if (child.Type == NodeType.Macro)
            {
                bool nestedScopeNeeded = !_scopes.IsEmpty && !_scopes.Innermost.IsEmpty && _scopes.Innermost.Depth < depth;
                if (nestedScopeNeeded || !hasCreatedScope)
                {
                    hasCreatedScope = true;
                    _scopes.Push(depth);
                }

                RegisterMacro(child);
                RecurApply(child);

                // a ($if ...) that chose a block: its content joins this list, then is processed
                if (IsBegin(child))
                    SpliceBegin(node, i);
                else if (child.Type is NodeType.Macro or NodeType.Unused)
                    node.Children.RemoveAt(i);
            }
            else
            {
                bool wasBegin = IsBegin(child);
                ApplyMacro(child, 0);
                RecurApply(child);

                bool becameBegin = IsBegin(child) && !wasBegin;
                if (!becameBegin && child.Type == NodeType.Unused)
                    node.Children.RemoveAt(i);

                if (i < node.Count)
                {
                    ProcessNode(node[i], depth + 1);
                    RegisterFunctionDefinition(node[i]);
                }

                if (becameBegin && i < node.Count)
                    SpliceBegin(node, i);
                ++i;
            }
        }

        if (!_scopes.IsEmpty && _scopes.Innermost.Depth == depth)
            _scopes.Pop();
    }

    private void RecurApply(MacroNode node)
    {
        if (ApplyMacro(node, 0) && node.IsListLike)
        {
            for (int i = 0; i < node.Count; ++i)
                RecurApply(node[i]);
        }
    }

    /// <summary>Remembers <c>(let name (fun (args) ...))</c> so that <c>$argcount</c> can look it up.</summary>
    private void RegisterFunctionDefinition(MacroNode node)
    {
        if (node.Type != NodeType.List || node.Count != 3 || node[0].Type != NodeType.Keyword)
            return;
        if (node[0].Keyword is not (Keyword.Let or Keyword.Mut or Keyword.Set))
            return;

        var value = node[2];
        if (value.Type != NodeType.List || value.Count == 0 || !value[0].IsKeyword(Keyword.Fun))
            return;

        var name = node[1];
        if (name.Type != NodeType.Symbol)
            throw MacroErrors.At(name, $"Can not use a {name.TypeName()} to define a variable");
        if (value.Count > 1)
            _definedFunctions.TryAdd(name.Text, value[1].Clone());
    }

    private static bool IsBegin(MacroNode node) =>
        node.Type == NodeType.List && node.Count > 0 && node[0].IsKeyword(Keyword.Begin);

    /// <summary>Replaces the <c>(begin ...)</c> at <paramref name="index"/> by its content.</summary>
    private static void SpliceBegin(MacroNode parent, int index)
    {
        var block = parent[index];
        if (!IsBegin(block))
            return;
        parent.Children.InsertRange(index + 1, block.Children.Skip(1));
        parent.Children.RemoveAt(index);
    }
}
