using System.Text;

namespace Ark.Cli;

/// <summary>
/// A writer that opens the one it writes to on first use. Standard error is set up only when
/// something is reported, because opening the console costs several milliseconds of start-up.
/// </summary>
internal sealed class DeferredWriter(Func<TextWriter> open) : TextWriter
{
    private TextWriter? _writer;

    private TextWriter Writer => _writer ??= open();

    public override Encoding Encoding => Writer.Encoding;

    public override void Write(char value) => Writer.Write(value);

    public override void Write(char[] buffer, int index, int count) => Writer.Write(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => Writer.Write(buffer);

    public override void Write(string? value) => Writer.Write(value);

    public override void WriteLine(string? value) => Writer.WriteLine(value);

    public override void Flush() => _writer?.Flush();
}
