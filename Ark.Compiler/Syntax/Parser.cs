using System.Text;
using Ark.Compiler.Diagnostics;

namespace Ark.Compiler.Syntax;

/// <summary>
/// Turns ArkScript source into the reference implementation's AST. Malformed input raises a
/// <see cref="CodeError"/> with the reference's message and position.
/// </summary>
public static class Parser
{
    /// <summary>Parses a program.</summary>
    /// <param name="source">The program text.</param>
    /// <param name="file">The file name recorded in nodes and errors (<see cref="CodeError.NoFile"/> when there is none).</param>
    /// <returns>A List node: the Keyword Begin node, then each top-level form.</returns>
    /// <exception cref="CodeError">The source is empty or malformed.</exception>
    public static Node Parse(string source, string file) => ParseProgram(source, file).Ast;

    /// <summary>Parses a program and collects its import forms.</summary>
    /// <inheritdoc cref="Parse(string, string)"/>
    public static ParsedProgram ParseProgram(string source, string file)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ParseProgram(Encoding.UTF8.GetBytes(source), file);
    }

    /// <summary>Parses a program given as UTF-8 bytes, as read from a file (columns count bytes).</summary>
    /// <exception cref="CodeError">The source is empty or malformed.</exception>
    public static ParsedProgram ParseProgram(byte[] utf8Source, string file)
    {
        ArgumentNullException.ThrowIfNull(utf8Source);
        ArgumentNullException.ThrowIfNull(file);
        return SyntaxParser.Parse(utf8Source, file);
    }
}
