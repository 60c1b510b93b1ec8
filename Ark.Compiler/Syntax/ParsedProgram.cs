namespace Ark.Compiler.Syntax;

/// <summary>The result of parsing one file.</summary>
/// <param name="Ast">A List node whose first child is the Keyword Begin node, then one child per top-level form.</param>
/// <param name="Imports">Every import form, in source order (nested ones included).</param>
public sealed record ParsedProgram(Node Ast, IReadOnlyList<Import> Imports);
