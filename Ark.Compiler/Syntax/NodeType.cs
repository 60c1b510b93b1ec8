namespace Ark.Compiler.Syntax;

/// <summary>
/// The kinds of AST node. The order matches the reference implementation, whose error
/// messages print these names (e.g. "Can not use a Number as a symbol name").
/// </summary>
public enum NodeType
{
    /// <summary>An identifier, e.g. <c>print</c> or <c>list:reverse</c>.</summary>
    Symbol,

    /// <summary>A captured variable in a function's argument list: <c>&amp;x</c>.</summary>
    Capture,

    /// <summary>One of the nine <see cref="Syntax.Keyword"/>s.</summary>
    Keyword,

    /// <summary>A string literal, already unescaped.</summary>
    String,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>A parenthesised form, a <c>[...]</c> list or a <c>{...}</c> block.</summary>
    List,

    /// <summary>A variadic argument in a macro: <c>...args</c>.</summary>
    Spread,

    /// <summary>A dotted access <c>a.b.c</c>; its children are the parts, as symbols.</summary>
    Field,

    /// <summary>A macro definition <c>($ ...)</c> or a macro condition <c>($if ...)</c>.</summary>
    Macro,

    /// <summary>A node removed by a later pass.</summary>
    Unused,
}
