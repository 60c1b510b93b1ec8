using Microsoft.Win32.SafeHandles;

namespace Ark.Cli;

/// <summary>
/// The process's standard output as a plain file stream. System.Console's stream would do the
/// same writes, but setting the console up costs about 8 ms of an 11 ms start-up budget, and a
/// script that only prints never needs the terminal handling it brings.
/// </summary>
/// <remarks>
/// A reader that goes away (<c>ark script.ark | head -1</c>) is not an error: the rest of the
/// output is dropped, as the console stream drops it. Any other write error (a full disk) is
/// reported once on standard error, the rest of the output is dropped, and
/// <see cref="WriteFailed"/> makes the command exit with an error.
/// </remarks>
internal sealed class StandardOutputStream(Stream file, TextWriter errors) : Stream
{
    private const int BrokenPipe = 32;
    private bool _dropping;

    /// <summary>Opens file descriptor 1, or the console's stream where descriptors are not files (Windows).</summary>
    public static Stream OpenFile() =>
        OperatingSystem.IsWindows()
            ? Console.OpenStandardOutput()
            : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    /// <summary>Whether a write failed for a reason other than the reader going away.</summary>
    public bool WriteFailed { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_dropping)
            return;
        try
        {
            file.Write(buffer);
        }
        catch (IOException e)
        {
            _dropping = true;
            if (e.HResult == BrokenPipe)
                return;
            WriteFailed = true;
            errors.WriteLine($"ark: cannot write to standard output: {e.Message}");
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
