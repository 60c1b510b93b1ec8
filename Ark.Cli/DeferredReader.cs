namespace Ark.Cli;

/// <summary>
/// A reader that opens the one it reads from on first use, so that a script that never reads
/// its input does not pay for setting up standard input at start-up.
/// </summary>
internal sealed class DeferredReader(Func<TextReader> open) : TextReader
{
    private TextReader? _reader;

    private TextReader Reader => _reader ??= open();

    public override int Peek() => Reader.Peek();

    public override int Read() => Reader.Read();

    public override int Read(char[] buffer, int index, int count) => Reader.Read(buffer, index, count);

    public override int Read(Span<char> buffer) => Reader.Read(buffer);

    public override string? ReadLine() => Reader.ReadLine();

    // forwarded, so that input gets the real reader's asynchronous read, not TextReader's
    // default, which calls this reader's ReadLine on a thread-pool thread
    public override Task<string?> ReadLineAsync() => Reader.ReadLineAsync();

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => Reader.ReadLineAsync(cancellationToken);

    public override string ReadToEnd() => Reader.ReadToEnd();
}
