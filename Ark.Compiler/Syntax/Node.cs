using System.Text;

namespace Ark.Compiler.Syntax;

/// <summary>
/// One node of the abstract syntax tree, shaped like the reference implementation's:
/// atoms carry a text, a number or a keyword; <see cref="NodeType.List"/>,
/// <see cref="NodeType.Field"/> and <see cref="NodeType.Macro"/> nodes carry children.
/// </summary>
/// <remarks>
/// Positions are stored exactly as the reference parser records them: <see cref="Line"/> is
/// 0-based and <see cref="Column"/> is the reference's cursor column (which, for text read
/// straight through, is one past the 0-based byte offset in the line). Many nodes are never
/// given a position by the reference parser (keywords, a call's callee, the name in a
/// <c>let</c>...); they keep line 0, column 0 and an empty <see cref="File"/>, as there.
/// The children list is mutable so that later passes (macros, optimiser) can rewrite the
/// tree in place; use <see cref="Clone"/> before editing a tree that is shared.
/// </remarks>
public sealed class Node
{
    private readonly List<Node>? _children;

    /// <summary>An atom holding a text: Symbol, Capture, String, Spread or Unused.</summary>
    public Node(NodeType type, string text)
    {
        if (type is NodeType.Keyword or NodeType.Number || IsListLikeType(type))
            throw new ArgumentException($"A {type} node does not hold a text.", nameof(type));
        Type = type;
        Text = text;
    }

    /// <summary>An empty List, Field or Macro node (or an atom with an empty text).</summary>
    public Node(NodeType type)
    {
        if (type is NodeType.Keyword or NodeType.Number)
            throw new ArgumentException($"A {type} node needs a value.", nameof(type));
        Type = type;
        Text = "";
        if (IsListLikeType(type))
            _children = [];
    }

    /// <summary>A List, Field or Macro node with the given children.</summary>
    public Node(NodeType type, IEnumerable<Node> children)
    {
        if (!IsListLikeType(type))
            throw new ArgumentException($"A {type} node can not have children.", nameof(type));
        Type = type;
        Text = "";
        _children = [.. children];
    }

    /// <summary>A Number node.</summary>
    public Node(double number)
    {
        Type = NodeType.Number;
        Text = "";
        Number = number;
    }

    /// <summary>A Keyword node.</summary>
    public Node(Keyword keyword)
    {
        Type = NodeType.Keyword;
        Text = "";
        Keyword = keyword;
    }

    private Node(Node source, List<Node>? children)
    {
        Type = source.Type;
        Text = source.Text;
        Number = source.Number;
        Keyword = source.Keyword;
        File = source.File;
        Line = source.Line;
        Column = source.Column;
        _children = children;
    }

    /// <summary>What kind of node this is.</summary>
    public NodeType Type { get; }

    /// <summary>The name of a Symbol, Capture or Spread; the unescaped value of a String; "" otherwise.</summary>
    public string Text { get; }

    /// <summary>The value of a Number node; 0 otherwise.</summary>
    public double Number { get; }

    /// <summary>The keyword of a Keyword node.</summary>
    public Keyword Keyword { get; }

    /// <summary>The children of a List, Field or Macro node.</summary>
    /// <exception cref="InvalidOperationException">The node is an atom.</exception>
    public List<Node> Children => _children ?? throw new InvalidOperationException($"A {Type} node has no children.");

    /// <summary>True for List, Field and Macro nodes, the ones with <see cref="Children"/>.</summary>
    public bool HasChildren => _children is not null;

    /// <summary>True for List and Macro nodes (the reference's <c>isListLike</c>).</summary>
    public bool IsListLike => Type is NodeType.List or NodeType.Macro;

    /// <summary>The file the node was read from; "" when the parser gave it no position.</summary>
    public string File { get; private set; } = "";

    /// <summary>0-based line.</summary>
    public int Line { get; private set; }

    /// <summary>Column as the reference records it (see the remarks on <see cref="Node"/>).</summary>
    public int Column { get; private set; }

    /// <summary>Whether a position was recorded; the reference treats 0:0 as "none yet".</summary>
    public bool HasPosition => Line != 0 || Column != 0;

    /// <summary>A Symbol node.</summary>
    public static Node Symbol(string name) => new(NodeType.Symbol, name);

    /// <summary>A String node holding an already unescaped value.</summary>
    public static Node String(string value) => new(NodeType.String, value);

    /// <summary>A List node.</summary>
    public static Node List(params IEnumerable<Node> children) => new(NodeType.List, children);

    /// <summary>A deep copy: every node of the tree is new, positions included.</summary>
    public Node Clone()
    {
        if (_children is null)
            return new Node(this, null);
        var children = new List<Node>(_children.Count);
        foreach (var child in _children)
            children.Add(child.Clone());
        return new Node(this, children);
    }

    /// <summary>A copy of this node at another position; the children are shared, not copied.</summary>
    public Node WithPosition(string file, int line, int column)
    {
        var copy = new Node(this, _children is null ? null : [.. _children]);
        copy.SetPosition(file, line, column);
        return copy;
    }

    /// <summary>A copy of this node carrying <paramref name="other"/>'s position.</summary>
    public Node WithPositionOf(Node other) => WithPosition(other.File, other.Line, other.Column);

    /// <summary>A node of the same type and position with another text (Symbol, String, ...).</summary>
    public Node WithText(string text)
    {
        var copy = new Node(Type, text);
        copy.SetPosition(File, Line, Column);
        return copy;
    }

    /// <summary>Only the parser may place nodes in the file; elsewhere use <see cref="WithPosition"/>.</summary>
    internal void SetPosition(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>
    /// The node written back as source, exactly as the reference's <c>Node::repr()</c>:
    /// strings are quoted but not re-escaped, a Macro prints as <c>($ ...)</c>, a Field joins
    /// its parts with dots, numbers use the shortest round-trip form.
    /// </summary>
    public string Repr()
    {
        var output = new StringBuilder();
        AppendRepr(output);
        return output.ToString();
    }

    /// <inheritdoc cref="Repr"/>
    public override string ToString() => Repr();

    private void AppendRepr(StringBuilder output)
    {
        switch (Type)
        {
            case NodeType.Symbol:
                output.Append(Text);
                break;
            case NodeType.Capture:
                output.Append('&').Append(Text);
                break;
            case NodeType.Keyword:
                output.Append(KeywordText.Of(Keyword));
                break;
            case NodeType.String:
                output.Append('"').Append(Text).Append('"');
                break;
            case NodeType.Number:
                output.Append(NumberText.Format(Number));
                break;
            case NodeType.List:
                output.Append('(');
                AppendChildren(output, ' ');
                output.Append(')');
                break;
            case NodeType.Field:
                AppendChildren(output, '.');
                break;
            case NodeType.Macro:
                output.Append("($ ");
                AppendChildren(output, ' ');
                output.Append(')');
                break;
            case NodeType.Spread:
                output.Append("...").Append(Text);
                break;
            case NodeType.Unused:
                break;
        }
    }

    private void AppendChildren(StringBuilder output, char separator)
    {
        var children = Children;
        for (int i = 0; i < children.Count; ++i)
        {
            if (i > 0)
                output.Append(separator);
            children[i].AppendRepr(output);
        }
    }

    private static bool IsListLikeType(NodeType type) => type is NodeType.List or NodeType.Field or NodeType.Macro;
}
