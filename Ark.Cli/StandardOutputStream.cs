namespace Ark.Cli;

/// <summary>
/// The process's standard output, written straight to its descriptor. System.Console's stream
/// does the same writes, but setting the console up on the first write costs about 6 ms, more
/// than the rest of ark's start-up, and a script that only prints needs none of the terminal
/// handling it brings.
/// </summary>
/// <remarks>
/// A reader that goes away (<c>ark script.ark | head -1</c>) is not an error: the rest of the
/// output is dropped, as the console stream drops it. Any other write error (a full disk) is
/// reported once on standard error, the rest of the output is dropped, and
/// <see cref="WriteFailed"/> makes the command exit with an error.
/// </remarks>
internal sealed class StandardOutputStream(Stream file, TextWriter errors) : WriteOnlyStream
{
    private const int BrokenPipe = 32;
    private bool _dropping;

    /// <summary>Descriptor 1, or the console's stream where there are no descriptors (Windows).</summary>
    public static Stream OpenFile() =>
        OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new DescriptorOutputStream(1);

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
}
