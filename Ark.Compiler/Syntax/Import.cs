namespace Ark.Compiler.Syntax;

/// <summary>
/// One <c>(import ...)</c> form as the parser records it, for the import solver.
/// <c>(import a.b)</c> is basic, <c>(import a.b:*)</c> a glob, <c>(import a.b :x :y)</c>
/// imports the listed symbols.
/// </summary>
/// <param name="Package">The dotted path, e.g. <c>["std", "List"]</c>.</param>
/// <param name="Prefix">The last part of the path: the prefix the imported names get.</param>
/// <param name="Symbols">The symbols listed after the path, without their ':'.</param>
/// <param name="WithPrefix">False only for a glob import.</param>
/// <param name="Line">0-based line of the cursor just after the first part of the path.</param>
/// <param name="Column">Column of that cursor, as the reference records it.</param>
public sealed record Import(
    IReadOnlyList<string> Package,
    string Prefix,
    IReadOnlyList<string> Symbols,
    bool WithPrefix,
    int Line,
    int Column)
{
    /// <summary><c>(import a.b:*)</c>: every name, unprefixed.</summary>
    public bool IsGlob => !WithPrefix && Symbols.Count == 0;

    /// <summary><c>(import a.b)</c>: every name, prefixed.</summary>
    public bool IsBasic => WithPrefix && Symbols.Count == 0;

    /// <summary>The path as written: <c>a.b.c</c>.</summary>
    public string ToPackageString() => string.Join('.', Package);

    /// <summary>The path as a relative file path without extension: <c>a/b/c</c>.</summary>
    public string ToPath() => string.Join('/', Package);
}
