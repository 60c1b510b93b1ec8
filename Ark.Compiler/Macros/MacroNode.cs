using Ark.Compiler.Syntax;

namespace Ark.Compiler.Macros;

/// <summary>
/// The mutable tree the macro processor rewrites. The reference processor edits nodes in
/// place (a list turns into a symbol, a symbol into the value of a macro...) and copies them
/// by value; this class gives the same model: <see cref="Assign"/> overwrites a node with a
/// deep copy of another one, so that two places of the tree never share a node.
/// </summary>
internal sealed class MacroNode
{
    private MacroNode(NodeType type)
    {
        Type = type;
    }

    public NodeType Type { get; set; }

    /// <summary>Name of a Symbol, Capture or Spread, value of a String.</summary>
    public string Text { get; set; } = "";

    public double Number { get; private set; }

    public Keyword Keyword { get; private set; }

    /// <summary>Children of List, Field and Macro nodes (and of a list turned Unused); null for atoms.</summary>
    public List<MacroNode>? Items { get; private set; }

    public List<MacroNode> Children => Items ?? throw new InvalidOperationException($"A {Type} node has no children.");

    public string File { get; set; } = "";

    public int Line { get; set; }

    public int Column { get; set; }

    public bool IsListLike => Type is NodeType.List or NodeType.Macro;

    public int Count => Items?.Count ?? 0;

    public MacroNode this[int index]
    {
        get => Children[index];
        set => Children[index] = value;
    }

    /// <summary>True for a non-empty List whose first child is a Symbol.</summary>
    public bool IsCall => Type == NodeType.List && Count > 0 && Children[0].Type == NodeType.Symbol;

    public static MacroNode Symbol(string name) => new(NodeType.Symbol) { Text = name };

    public static MacroNode String(string value) => new(NodeType.String) { Text = value };

    public static MacroNode Num(double value) => new(NodeType.Number) { Number = value };

    public static MacroNode EmptyList() => new(NodeType.List) { Items = [] };

    public static MacroNode True() => Symbol("true");

    public static MacroNode False() => Symbol("false");

    public static MacroNode Nil() => Symbol("nil");

    public static MacroNode Bool(bool value) => value ? True() : False();

    /// <summary>The symbol <c>list</c>, first child of the lists built by macros.</summary>
    public static MacroNode ListSymbol() => Symbol("list");

    public bool IsSymbol(string name) => Type == NodeType.Symbol && Text == name;

    public bool IsKeyword(Keyword keyword) => Type == NodeType.Keyword && Keyword == keyword;

    /// <summary>A List whose first child is the <c>list</c> symbol.</summary>
    public bool StartsWithListSymbol => Count > 0 && Children[0].IsSymbol("list");

    /// <summary>A deep copy.</summary>
    public MacroNode Clone()
    {
        var copy = new MacroNode(Type)
        {
            Text = Text,
            Number = Number,
            Keyword = Keyword,
            File = File,
            Line = Line,
            Column = Column,
        };
        if (Items is not null)
        {
            copy.Items = new List<MacroNode>(Items.Count);
            foreach (var item in Items)
                copy.Items.Add(item.Clone());
        }
        return copy;
    }

    /// <summary>Overwrites this node with a copy of <paramref name="source"/> (which may be one of its descendants).</summary>
    public void Assign(MacroNode source)
    {
        if (ReferenceEquals(source, this))
            return;
        var copy = source.Clone();
        Type = copy.Type;
        Text = copy.Text;
        Number = copy.Number;
        Keyword = copy.Keyword;
        Items = copy.Items;
        File = copy.File;
        Line = copy.Line;
        Column = copy.Column;
    }

    /// <summary>Overwrites this node with a copy of <paramref name="source"/>, keeping this node's position.</summary>
    public void AssignKeepingPosition(MacroNode source)
    {
        var (file, line, column) = (File, Line, Column);
        Assign(source);
        SetPosition(file, line, column);
    }

    public void SetPosition(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>Turns this node into a Symbol (the list it held, if any, is dropped).</summary>
    public void BecomeSymbol(string name)
    {
        Type = NodeType.Symbol;
        Text = name;
        Items = null;
    }

    /// <summary>Marks this node as removed; its children, if any, are kept, as in the reference.</summary>
    public void BecomeUnused() => Type = NodeType.Unused;

    public static MacroNode From(Node node)
    {
        var copy = new MacroNode(node.Type)
        {
            Text = node.Text,
            Number = node.Number,
            Keyword = node.Keyword,
            File = node.File,
            Line = node.Line,
            Column = node.Column,
        };
        if (node.HasChildren)
        {
            copy.Items = new List<MacroNode>(node.Children.Count);
            foreach (var child in node.Children)
                copy.Items.Add(From(child));
        }
        return copy;
    }

    public Node ToNode()
    {
        Node node;
        if (Type == NodeType.Number)
            node = new Node(Number);
        else if (Type == NodeType.Keyword)
            node = new Node(Keyword);
        else if (Type is NodeType.List or NodeType.Field or NodeType.Macro)
            node = new Node(Type, Items is null ? [] : Items.Select(i => i.ToNode()));
        else
            node = new Node(Type, Text);
        node.SetPosition(File, Line, Column);
        return node;
    }

    /// <summary>The node written back as source (the reference's <c>repr</c>).</summary>
    public string Repr() => ToNode().Repr();

    /// <summary>The reference's name for the node's type in messages: Nil and Bool for those symbols.</summary>
    public string TypeName()
    {
        if (Type == NodeType.Symbol)
        {
            if (Text == "nil")
                return "Nil";
            if (Text is "true" or "false")
                return "Bool";
        }
        return Type.ToString();
    }

    public override string ToString() => Repr();
}
