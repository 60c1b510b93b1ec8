using System.Text;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// What the outside world looks like to a running program: standard streams, command-line
/// arguments and the library path. One host is shared by every execution context of a VM.
/// </summary>
public sealed class ArkHost
{
    private readonly object _outputLock = new();

    /// <summary>Creates a host over the given streams.</summary>
    public ArkHost(Stream output, TextReader input)
    {
        Output = output;
        Input = input;
    }

    /// <summary>Where <c>print</c> and <c>puts</c> write; UTF-8 bytes.</summary>
    public Stream Output { get; }

    /// <summary>
    /// Where <c>input</c> reads lines from. It reads with <see cref="TextReader.ReadLineAsync()"/>,
    /// one line at a time, so a reader that reads asynchronously lets the waiting context park.
    /// </summary>
    public TextReader Input { get; }

    private SemaphoreSlim? _inputGate;

    /// <summary>Taken while <c>input</c> reads a line, so that reads from several contexts take turns.</summary>
    internal SemaphoreSlim InputGate => LazyInitializer.EnsureInitialized(ref _inputGate, () => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Where diagnostics that are not part of the program's output go; standard error unless
    /// set. The console is opened on first use only: that costs milliseconds of start-up.
    /// </summary>
    public TextWriter ErrorOutput
    {
        get => _errorOutput ??= System.Console.Error;
        init => _errorOutput = value;
    }

    private TextWriter? _errorOutput;

    /// <summary>The script's arguments, as <c>sys:args</c> exposes them.</summary>
    public IReadOnlyList<string> ScriptArgs { get; init; } = [];

    /// <summary>The folders searched for imported files and modules, in order.</summary>
    public IReadOnlyList<string> LibraryPaths { get; init; } = [];

    /// <summary>
    /// Whether <see cref="Output"/> is a terminal that shows ANSI colour codes. Modules that
    /// colour text (<c>console:color</c>) write nothing when it is false, so that piped output
    /// stays plain text.
    /// </summary>
    public bool ColorOutput { get; init; }

    /// <summary>
    /// The folder of the program being run (source or bytecode file), searched for native
    /// modules before <see cref="LibraryPaths"/>, as the compiler searches for imports; null
    /// to search the library paths only.
    /// </summary>
    public string? ProgramDirectory { get; init; }

    /// <summary>
    /// Flush the output after every write, so that a person watching a terminal sees each line
    /// as it is printed; when false (output to a file or a pipe) output is flushed in blocks,
    /// before reading input, before blocking calls such as <c>sys:sleep</c>, and at exit.
    /// </summary>
    public bool FlushEachWrite { get; init; }

    /// <summary>Writes UTF-8 bytes to the output; safe to call from several threads at once.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_outputLock)
        {
            Output.Write(bytes);
            if (FlushEachWrite)
                Output.Flush();
        }
    }

    /// <summary>Writes a value as <c>print</c> shows it, followed by <paramref name="suffix"/>.</summary>
    public void WriteValue(Value value, string suffix = "")
    {
        lock (_outputLock)
        {
            if (value.Obj is ArkString s)
                Output.Write(s.Bytes);
            else
                Output.Write(ValueFormatter.FormatUtf8(value));
            if (suffix.Length > 0)
                Output.Write(Encoding.UTF8.GetBytes(suffix));
            if (FlushEachWrite)
                Output.Flush();
        }
    }

    /// <summary>Flushes buffered output, e.g. before reading input or exiting.</summary>
    public void Flush()
    {
        lock (_outputLock)
            Output.Flush();
    }
}
