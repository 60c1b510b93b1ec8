namespace Ark.Compiler.CodeGen;

/// <summary>
/// Where in the source an instruction comes from. A struct of our own rather than a tuple of
/// ints, which would be jitted at every start-up instead of precompiled.
/// </summary>
internal readonly struct CodePosition(int file, int line, int column)
{
    public int File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
