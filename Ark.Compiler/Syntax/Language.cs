namespace Ark.Compiler.Syntax;

/// <summary>Names the language gives special meaning to.</summary>
public static class Language
{
    /// <summary>In-place append.</summary>
    public const string AppendInPlace = "append!";

    /// <summary>In-place concatenation.</summary>
    public const string ConcatInPlace = "concat!";

    /// <summary>In-place removal.</summary>
    public const string PopInPlace = "pop!";

    /// <summary>Short-circuit and.</summary>
    public const string And = "and";

    /// <summary>Short-circuit or.</summary>
    public const string Or = "or";

    /// <summary>The list operations that modify their first argument's variable.</summary>
    public static readonly string[] InPlaceUpdates = [AppendInPlace, ConcatInPlace, PopInPlace];

    /// <summary>The list operations compiled to dedicated instructions.</summary>
    public static readonly string[] ListInstructions = ["list", "append", "concat", AppendInPlace, ConcatInPlace, "pop", PopInPlace];

    /// <summary>The operators compiled to dedicated instructions.</summary>
    public static readonly string[] Operators =
    [
        "+", "-", "*", "/", ">", "<", "<=", ">=", "!=", "=", "len", "empty?", "tail", "head", "nil?", "assert",
        "toNumber", "toString", "@", "mod", "type", "hasField", "not",
    ];

    /// <summary>Operators that take exactly one argument.</summary>
    public static readonly string[] UnaryOperators = ["not", "len", "empty?", "tail", "head", "nil?", "toNumber", "toString", "type"];

    /// <summary>Operators that accept more than two arguments, folding left.</summary>
    public static readonly string[] ChainableOperators = ["+", "-", "*", "/", "mod"];
}
