using Ark.Compiler.Diagnostics;
using Ark.Compiler.Syntax;
using Ark.Vm.Builtins;

namespace Ark.Compiler.Resolution;

/// <summary>
/// Checks names before code generation, as the reference does: every symbol must be bound
/// somewhere in the program, constants can't be set or redefined in the same scope, reserved
/// names can't be rebound, captures must name a reachable variable, and a constant list
/// can't be modified in place. Only functions open a new scope.
/// </summary>
public sealed class NameResolver
{
    private static readonly HashSet<string> LanguageSymbols = CreateLanguageSymbols();

    private readonly List<Dictionary<string, bool>> _scopes = [new(StringComparer.Ordinal)];
    private readonly HashedNameSet _definedSet = new();
    private readonly List<Node> _used = [];
    private readonly HashSet<string> _usedSet = new(StringComparer.Ordinal);
    private readonly List<string> _pluginNames = [];

    /// <summary>Checks <paramref name="program"/>; throws a <see cref="CodeError"/> on the first problem.</summary>
    public static void Check(Node program)
    {
        var resolver = new NameResolver();
        // The reference binds these two as constants before compiling (in the order its
        // unordered_map yields them), so they take part in "did you mean" suggestions.
        resolver.Define(BuiltinTable.SysPlatform, false);
        resolver.Define(BuiltinTable.SysArgs, false);
        resolver.Visit(program);
        resolver.CheckUndefined();
    }

    /// <summary>The names the language itself binds: builtins, operators, list instructions, and/or.</summary>
    public static bool IsLanguageSymbol(string name) => LanguageSymbols.Contains(name);

    private static HashSet<string> CreateLanguageSymbols()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in BuiltinTable.All)
            set.Add(name);
        set.Remove(BuiltinTable.SysPlatform); // a predefined constant, not a reserved name
        foreach (var op in Language.Operators)
            set.Add(op);
        foreach (var inst in Language.ListInstructions)
            set.Add(inst);
        set.Add(Language.And);
        set.Add(Language.Or);
        return set;
    }

    private void Define(string name, bool mutable)
    {
        _definedSet.Add(name);
        _scopes[^1][name] = mutable;
    }

    private bool? IsImmutable(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var mutable))
                return !mutable;
        }
        return null;
    }

    private bool IsRegistered(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].ContainsKey(name))
                return true;
        }
        return false;
    }

    private void Use(Node symbol)
    {
        if (LanguageSymbols.Contains(symbol.Text))
            return;
        if (_usedSet.Add(symbol.Text))
            _used.Add(symbol);
    }

    private void Visit(Node node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node.Type)
        {
            case NodeType.Symbol:
                Use(node);
                break;
            case NodeType.Field:
                foreach (var part in node.Children)
                    Use(part);
                break;
            case NodeType.List when node.Children.Count > 0:
                if (node.Children[0].Type == NodeType.Keyword)
                    VisitKeyword(node, node.Children[0].Keyword);
                else
                {
                    CheckInPlaceUpdate(node);
                    foreach (var child in node.Children)
                        Visit(child);
                }
                break;
        }
    }

    private void CheckInPlaceUpdate(Node node)
    {
        if (node.Children.Count < 2 || node.Children[0].Type != NodeType.Symbol || node.Children[1].Type != NodeType.Symbol)
            return;
        var function = node.Children[0].Text;
        var target = node.Children[1];
        if (Array.IndexOf(Language.InPlaceUpdates, function) < 0)
            return;
        if (IsImmutable(target.Text) == true)
            throw CodeErrors.At(node, target, $"MutabilityError: Can not modify the constant list `{target.Text}' using `{function}'", target.Text);
        if (function is Language.AppendInPlace or Language.ConcatInPlace)
        {
            for (var i = 2; i < node.Children.Count; i++)
            {
                if (node.Children[i].Type == NodeType.Symbol && node.Children[i].Text == target.Text)
                    throw CodeErrors.At(node, target, $"MutabilityError: Can not {function} the list `{target.Text}' to itself", target.Text);
            }
        }
    }

    private void VisitKeyword(Node node, Keyword keyword)
    {
        switch (keyword)
        {
            case Keyword.Let:
            case Keyword.Mut:
            case Keyword.Set:
                VisitBinding(node, keyword);
                break;
            case Keyword.Import:
                if (node.Children.Count > 1 && node.Children[1].Children.Count > 0)
                    _pluginNames.Add(node.Children[1].Children[^1].Text);
                break;
            case Keyword.Fun:
                VisitFunction(node);
                break;
            default:
                foreach (var child in node.Children)
                    Visit(child);
                break;
        }
    }

    private void VisitBinding(Node node, Keyword keyword)
    {
        if (node.Children.Count > 2)
            Visit(node.Children[2]);
        if (node.Children.Count <= 1 || node.Children[1].Type != NodeType.Symbol)
            return;

        var nameNode = node.Children[1];
        var name = nameNode.Text;
        if (LanguageSymbols.Contains(name))
            throw CodeErrors.At(node, nameNode, $"Can not use a reserved identifier ('{name}') as a {(keyword == Keyword.Let ? "constant" : "variable")} name.", name);

        if (keyword == Keyword.Let && _scopes[^1].ContainsKey(name))
            throw CodeErrors.At(node, nameNode, $"MutabilityError: Can not use 'let' to redefine variable `{name}'", name);
        if (keyword == Keyword.Set)
        {
            if (IsRegistered(name) && IsImmutable(name) == true)
            {
                var value = node.Children.Count > 2 ? node.Children[2].Repr() : "";
                throw CodeErrors.At(node, nameNode, $"MutabilityError: Can not set the constant `{name}' to {value}", name);
            }
        }
        else
            Define(name, keyword != Keyword.Let);
    }

    private void VisitFunction(Node node)
    {
        _scopes.Add(new Dictionary<string, bool>(StringComparer.Ordinal));
        if (node.Children.Count > 1 && node.Children[1].Type == NodeType.List)
        {
            foreach (var arg in node.Children[1].Children)
            {
                if (arg.Type == NodeType.Capture)
                {
                    if (!_definedSet.Contains(arg.Text))
                        throw CodeErrors.At(arg, $"Can not capture {arg.Text} because it is referencing an unbound variable.", arg.Repr());
                    if (!IsRegistered(arg.Text))
                        throw CodeErrors.At(arg, $"Can not capture {arg.Text} because it is referencing a variable defined in an unreachable scope.", arg.Repr());
                    Define(arg.Text, true);
                }
                else if (arg.Type == NodeType.Symbol)
                    Define(arg.Text, true);
            }
        }
        if (node.Children.Count > 2)
            Visit(node.Children[2]);
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private bool MayComeFromPlugin(string name)
    {
        var prefix = name.Split(':')[0];
        return _pluginNames.Contains(prefix);
    }

    private void CheckUndefined()
    {
        foreach (var symbol in _used)
        {
            var name = symbol.Text;
            if (_definedSet.Contains(name) || MayComeFromPlugin(name))
                continue;
            var suggestion = Suggest(name);
            var message = suggestion is null
                ? $"Unbound variable error \"{name}\" (variable is used but not defined)"
                : $"Unbound variable error \"{name}\" (did you mean \"{suggestion}\"?)";
            throw CodeErrors.At(symbol, message, symbol.Repr());
        }
    }

    private string? Suggest(string name)
    {
        string? best = null;
        // Like the reference: byte lengths, and the last closest name in its set's order wins.
        var bestDistance = System.Text.Encoding.UTF8.GetByteCount(name) / 2;
        foreach (var candidate in _definedSet.InIterationOrder())
        {
            var distance = Levenshtein.Distance(name, candidate);
            if (distance <= bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best;
    }
}
