using Ark.Compiler.Syntax;

namespace Ark.Compiler.CodeGen;

/// <summary>
/// The names a function owns: its parameters and the variables its body declares with
/// let/mut (outside nested functions) get slots; its captures live in its closure environment.
/// Every other name the body uses is a free variable, resolved at run time.
/// </summary>
internal sealed class FunctionScope
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _captures = new(StringComparer.Ordinal);

    private FunctionScope(bool isTopLevel, string? boundName)
    {
        IsTopLevel = isTopLevel;
        BoundName = boundName;
    }

    /// <summary>True for the program's top-level code, whose variables are globals.</summary>
    public bool IsTopLevel { get; }

    /// <summary>The name the function is being bound to (let/mut/set), for self tail calls.</summary>
    public string? BoundName { get; }

    /// <summary>The slot names in slot order.</summary>
    public List<string> SlotNames { get; } = [];

    /// <summary>The captured names in capture order.</summary>
    public List<string> CaptureNames { get; } = [];

    /// <summary>The number of parameters.</summary>
    public int Arity { get; private set; }

    public static FunctionScope TopLevel() => new(true, null);

    /// <summary>Collects the parameters, captures and declared locals of a <c>(fun (args) body)</c> node.</summary>
    public static FunctionScope ForFunction(Node fun, string? boundName)
    {
        var scope = new FunctionScope(false, boundName);
        foreach (var arg in fun.Children[1].Children)
        {
            if (arg.Type == NodeType.Capture)
            {
                if (!scope._captures.ContainsKey(arg.Text))
                {
                    scope._captures[arg.Text] = scope.CaptureNames.Count;
                    scope.CaptureNames.Add(arg.Text);
                }
            }
            else if (arg.Type == NodeType.Symbol)
            {
                scope.AddParameter(arg.Text);
                scope.Arity++;
            }
        }
        scope.CollectDeclarations(fun.Children[2]);
        return scope;
    }

    public bool TryGetSlot(string name, out int slot) => _slots.TryGetValue(name, out slot);

    public bool TryGetCapture(string name, out int index) => _captures.TryGetValue(name, out index);

    /// <summary>
    /// Every parameter has its own slot, so that arguments land where the frame layout puts
    /// them; a repeated name means its last parameter, as in the reference, which binds the
    /// parameters in order.
    /// </summary>
    private void AddParameter(string name)
    {
        _slots[name] = SlotNames.Count;
        SlotNames.Add(name);
    }

    private void AddSlot(string name)
    {
        if (_slots.ContainsKey(name))
            return;
        _slots[name] = SlotNames.Count;
        SlotNames.Add(name);
    }

    private void CollectDeclarations(Node node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node.Type != NodeType.List || node.Children.Count == 0)
            return;
        var head = node.Children[0];
        if (head.Type == NodeType.Keyword)
        {
            switch (head.Keyword)
            {
                case Keyword.Fun:
                    return;
                case Keyword.Let:
                case Keyword.Mut:
                    if (node.Children.Count > 1 && node.Children[1].Type == NodeType.Symbol)
                        AddSlot(node.Children[1].Text);
                    break;
            }
        }
        foreach (var child in node.Children)
            CollectDeclarations(child);
    }
}
