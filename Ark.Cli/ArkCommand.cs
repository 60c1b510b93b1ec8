using System.Text;
using Ark.Compiler;
using Ark.Compiler.Diagnostics;
using Ark.Vm.Bytecode;
using Ark.Vm.Concurrency;
using Ark.Vm.Execution;

namespace Ark.Cli;

/// <summary>
/// The <c>ark</c> command, independent of the process's console so that tests can run it
/// in-process. Like the reference, it reports compile and runtime errors on standard output;
/// the source location of a runtime error goes to standard error.
/// </summary>
public sealed class ArkCommand(Stream stdout, TextWriter stderr, TextReader stdin)
{
    /// <summary>Exit code after a compile error (the reference returns -1).</summary>
    public const int CompileErrorExit = 255;

    /// <summary>Exit code after a runtime error.</summary>
    public const int RuntimeErrorExit = 1;

    /// <summary>Exit code for a bad command line.</summary>
    public const int UsageExit = 2;

    /// <summary>Whether diagnostics, and programs through <see cref="ArkHost.ColorOutput"/>, may use ANSI colours.</summary>
    public bool Colorize { get; init; }

    /// <summary>Whether standard output is a terminal: the program's output is then flushed as it is written.</summary>
    public bool Interactive { get; init; }

    /// <summary>Runs the command line <paramref name="args"/> and returns the exit code.</summary>
    public int Run(string[] args)
    {
        var (options, error) = CliOptions.Parse(args);
        if (options is null)
        {
            stderr.WriteLine(error);
            stderr.WriteLine("Try 'ark --help' for more information.");
            return UsageExit;
        }

        switch (options.Mode)
        {
            case CliMode.Help:
                WriteText(HelpText.Usage + "\n");
                return 0;
            case CliMode.Version:
                WriteText(HelpText.Version + "\n");
                return 0;
        }

        string? source = null;
        byte[]? utf8Source = null;
        string fileName;
        var libraryPaths = LibraryPaths.Resolve(options.LibDir);
        CompiledProgram program;
        if (options.Mode == CliMode.Eval)
        {
            source = options.Expression!;
            fileName = "FILE";
        }
        else
        {
            fileName = options.File!;
            var bytes = Libc.TryReadFile(fileName);
            if (bytes is null)
            {
                if (!File.Exists(fileName))
                {
                    WriteText($"Can not find file '{fileName}'\n");
                    return CompileErrorExit;
                }
                try
                {
                    bytes = File.ReadAllBytes(fileName);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    WriteText($"Can not read file '{fileName}': {e.Message}\n");
                    return CompileErrorExit;
                }
            }
            if (BytecodeReader.LooksLikeBytecode(bytes))
            {
                if (options.Mode == CliMode.Compile)
                {
                    stderr.WriteLine($"'{fileName}' is already bytecode");
                    return UsageExit;
                }
                try
                {
                    program = BytecodeReader.Read(bytes);
                }
                catch (BytecodeException e)
                {
                    WriteText($"Invalid bytecode file '{fileName}': {e.Message}\n");
                    return CompileErrorExit;
                }
                return Execute(program, options, libraryPaths, fileName);
            }
            utf8Source = bytes;
        }

        try
        {
            program = utf8Source is null
                ? ArkCompiler.Compile(source!, fileName, libraryPaths)
                : ArkCompiler.Compile(utf8Source, fileName, libraryPaths);
        }
        catch (CodeError e)
        {
            source ??= Encoding.UTF8.GetString(utf8Source!);
            WriteText(DiagnosticFormatter.Format(e, SourceOf(e.File, fileName, source), Colorize));
            return CompileErrorExit;
        }
        catch (InsufficientExecutionStackException)
        {
            WriteText($"In file {fileName}\n        The program is nested too deeply to be compiled\n");
            return CompileErrorExit;
        }

        if (options.Mode == CliMode.Compile)
            return WriteBytecode(program, options.Output ?? Path.ChangeExtension(fileName, ".arkc"));
        return Execute(program, options, libraryPaths, fileName);
    }

    private int WriteBytecode(CompiledProgram program, string path)
    {
        try
        {
            using var file = File.Create(path);
            BytecodeWriter.Write(program, file);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteText($"Can not write file '{path}': {e.Message}\n");
            return CompileErrorExit;
        }
    }

    /// <param name="fileName">The program's file (FILE for -e code): modules are looked up next to it first, as imports are.</param>
    private int Execute(CompiledProgram program, CliOptions options, IReadOnlyList<string> libraryPaths, string fileName)
    {
        if (GlobalInterpreterLock.Enabled && SwitchIntervalFromEnvironment() is { } interval)
            GlobalInterpreterLock.SwitchInterval = interval;

        var host = new ArkHost(stdout, stdin)
        {
            ScriptArgs = options.ScriptArgs,
            LibraryPaths = libraryPaths,
            ProgramDirectory = Path.GetDirectoryName(Path.GetFullPath(fileName)),
            ColorOutput = Colorize,
            FlushEachWrite = Interactive,
            ErrorOutput = stderr,
        };
        try
        {
            // the operating system keeps the low byte of an exit code: (sys:exit -1) exits with 255
            return new VirtualMachine(program, host).Run() & 0xff;
        }
        catch (ArkRuntimeError e)
        {
            WriteText(e.Report);
            stderr.WriteLine(e.Location);
            return RuntimeErrorExit;
        }
    }

    /// <summary>The GIL flavour's switch interval from <c>ARK_GIL_SWITCH_MS</c>, when set to a positive number.</summary>
    private static TimeSpan? SwitchIntervalFromEnvironment() =>
        double.TryParse(Environment.GetEnvironmentVariable("ARK_GIL_SWITCH_MS"), System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    /// <summary>The text of the file an error points into; none for code given with -e or nodes without a file.</summary>
    private static string? SourceOf(string errorFile, string mainFile, string mainSource)
    {
        if (errorFile == CodeError.NoFile || errorFile.Length == 0)
            return null;
        if (errorFile == mainFile)
            return mainSource;
        return File.Exists(errorFile) ? File.ReadAllText(errorFile, Encoding.UTF8) : null;
    }

    private void WriteText(string text)
    {
        stdout.Write(Encoding.UTF8.GetBytes(text));
        stdout.Flush();
    }
}
