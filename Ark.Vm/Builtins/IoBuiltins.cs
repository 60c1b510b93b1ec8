using System.Text;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Modules;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;
using static Ark.Vm.Builtins.Contracts;

namespace Ark.Vm.Builtins;

/// <summary>Console and file-system builtins: <c>print</c>, <c>puts</c>, <c>input</c> and <c>io:*</c>.</summary>
/// <remarks>
/// <c>input</c> and the functions that read or write a file's content are asynchronous natives:
/// a green thread parks while the operation is in flight and its worker runs other contexts.
/// The file operations run off the worker from their start, because .NET opens files
/// synchronously and an open can wait too (a FIFO until its other end is opened, a network
/// file system for its server). Directory listing, creation and removal have no asynchronous
/// form in .NET: they stay blocking natives, whose worker hands its place over while they
/// run. <c>io:fileExists?</c> and <c>io:dir?</c> are one <c>stat</c> each and stay plain calls.
/// </remarks>
public static class IoBuiltins
{
    private static readonly byte[] NewLine = [(byte)'\n'];
    private static readonly Contract FileContent = ThenAny("filename", ValueKind.String, "content");
    private static readonly Contract FileName = One("filename", ValueKind.String);
    private static readonly Contract PathOnly = One("path", ValueKind.String);
    private static readonly Contract RemoveContract = new(new Param("filename", ValueKind.String), Param.Rest("filenames", ValueKind.String));

    /// <summary><c>(print values...)</c>: writes the values with no separator, then a newline.</summary>
    public static Value Print(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        var host = context.Host;
        foreach (var v in args)
            host.WriteValue(v);
        host.Write(NewLine);
        return Value.Nil;
    }

    /// <summary><c>(puts values...)</c>: writes the values with no separator and no newline.</summary>
    public static Value Puts(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        var host = context.Host;
        foreach (var v in args)
            host.WriteValue(v);
        return Value.Nil;
    }

    // the asynchronous functions as a native call from outside the VM's table (embedders, tests)
    private static readonly NativeFn InputNative = ModuleBuilder.AsyncAdapter("input", InputAsync);
    private static readonly NativeFn WriteFileNative = ModuleBuilder.AsyncAdapter("io:writeFile", WriteFileAsync);
    private static readonly NativeFn AppendToFileNative = ModuleBuilder.AsyncAdapter("io:appendToFile", AppendToFileAsync);
    private static readonly NativeFn ReadFileNative = ModuleBuilder.AsyncAdapter("io:readFile", ReadFileAsync);

    /// <summary>
    /// <c>(input [prompt])</c>: writes the prompt, then reads one line (without its end) from the
    /// input. A green thread parks until the line is there.
    /// </summary>
    public static Value Input(ReadOnlySpan<Value> args, ExecutionContext context) => InputNative(args, context);

    /// <summary><see cref="Input"/> as an asynchronous native.</summary>
    internal static ValueTask<Value> InputAsync(Value[] args, ExecutionContext context)
    {
        var host = context.Host;
        if (Is(args, ValueKind.String))
            host.WriteValue(args[0]);
        else if (args.Length != 0)
            throw TypeCheck.Error("input", args, new Contract(), One("prompt", ValueKind.String));
        // the prompt, and what was printed before it, must be visible while the program waits
        host.Flush();
        return ReadLineAsync(host);
    }

    private static async ValueTask<Value> ReadLineAsync(ArkHost host)
    {
        // one read at a time: futures that ask for input at once get whole lines in turn, and a
        // reader that refuses a second read in flight (StreamReader) is never given one
        var gate = host.InputGate;
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var line = await host.Input.ReadLineAsync().ConfigureAwait(false);
            return Value.String(line ?? "");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary><c>(io:writeFile filename content)</c>: replaces the file's content with the text of content.</summary>
    public static Value WriteFile(ReadOnlySpan<Value> args, ExecutionContext context) => WriteFileNative(args, context);

    /// <summary><c>(io:appendToFile filename content)</c>: appends the text of content to the file.</summary>
    public static Value AppendToFile(ReadOnlySpan<Value> args, ExecutionContext context) => AppendToFileNative(args, context);

    /// <summary><see cref="WriteFile"/> as an asynchronous native.</summary>
    internal static ValueTask<Value> WriteFileAsync(Value[] args, ExecutionContext context) => Write(args, "io:writeFile", FileMode.Create);

    /// <summary><see cref="AppendToFile"/> as an asynchronous native.</summary>
    internal static ValueTask<Value> AppendToFileAsync(Value[] args, ExecutionContext context) => Write(args, "io:appendToFile", FileMode.Append);

    /// <summary><c>(io:readFile filename)</c>: the file's content as a string.</summary>
    public static Value ReadFile(ReadOnlySpan<Value> args, ExecutionContext context) => ReadFileNative(args, context);

    /// <summary><see cref="ReadFile"/> as an asynchronous native.</summary>
    internal static ValueTask<Value> ReadFileAsync(Value[] args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.String))
            throw TypeCheck.Error("io:readFile", args, FileName);
        return ReadAllBytesAsync(args[0].AsString.ToString());
    }

    private static async ValueTask<Value> ReadAllBytesAsync(string name)
    {
        // off the worker before the file is touched: opening it can wait (see the remarks above)
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        if (!Exists(name))
            throw Runtime($"io:readFile: couldn't read file \"{name}\" because it doesn't exist");
        try
        {
            return new Value(ArkString.FromBytes(await File.ReadAllBytesAsync(name).ConfigureAwait(false)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the reference reads an unreadable file (or a directory) as empty
            return new Value(ArkString.Empty);
        }
    }

    /// <summary><c>(io:fileExists? filename)</c>: true when a file or directory exists at that path.</summary>
    public static Value FileExists(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.String))
            throw TypeCheck.Error("io:fileExists?", args, FileName);
        return Value.Bool(Exists(args[0].AsString.ToString()));
    }

    /// <summary><c>(io:listFiles path)</c>: the paths of the entries of a directory.</summary>
    public static Value ListFiles(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.String))
            throw TypeCheck.Error("io:listFiles", args, PathOnly);
        var path = args[0].AsString.ToString();
        const string what = "directory iterator cannot open directory";
        if (!Directory.Exists(path))
            throw FileSystemError(what, File.Exists(path) ? "Not a directory" : "No such file or directory", path);
        var result = new ArkList();
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(path))
                result.Add(Value.String(entry));
        }
        catch (UnauthorizedAccessException)
        {
            throw FileSystemError(what, "Permission denied", path);
        }
        return new Value(result);
    }

    /// <summary><c>(io:dir? path)</c>: true when the path is a directory.</summary>
    public static Value IsDirectory(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.String))
            throw TypeCheck.Error("io:dir?", args, PathOnly);
        return Value.Bool(Directory.Exists(args[0].AsString.ToString()));
    }

    /// <summary><c>(io:makeDir path)</c>: creates the directory and its missing parents.</summary>
    public static Value MakeDir(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.String))
            throw TypeCheck.Error("io:makeDir", args, PathOnly);
        var path = args[0].AsString.ToString();
        const string what = "cannot create directories";
        if (File.Exists(path))
            throw FileSystemError(what, "File exists", path);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw FileSystemError(what, "Permission denied", path);
        }
        catch (IOException)
        {
            throw FileSystemError(what, ParentIsFile(path) ? "Not a directory" : "No such file or directory", path);
        }
        return Value.Nil;
    }

    /// <summary><c>(io:removeFiles filename filenames...)</c>: deletes files and directories (recursively).</summary>
    public static Value RemoveFiles(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length == 0 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error("io:removeFiles", args, RemoveContract);
        foreach (var arg in args)
        {
            if (arg.Kind != ValueKind.String)
                throw TypeCheck.Error("io:removeFiles", args, RemoveContract);
            var path = arg.AsString.ToString();
            try
            {
                if (Directory.Exists(path) && !new DirectoryInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    Directory.Delete(path, recursive: true);
                else if (File.Exists(path) || Directory.Exists(path))
                    File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw FileSystemError("cannot remove all", "Permission denied", path);
            }
        }
        return Value.Nil;
    }

    private static ValueTask<Value> Write(Value[] args, string name, FileMode mode)
    {
        if (args.Length != 2 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error(name, args, FileContent);
        var path = args[0].AsString.ToString();
        var content = args[1].Obj is ArkString s ? s.Bytes.ToArray() : ValueFormatter.FormatUtf8(args[1]);
        return WriteAsync(path, content, name, mode);
    }

    private static async ValueTask<Value> WriteAsync(string path, byte[] content, string name, FileMode mode)
    {
        // off the worker before the file is touched: opening it can wait (see the remarks above)
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        try
        {
            // a FileStream rather than File.AppendAllBytesAsync, which refuses files that can't
            // seek (a FIFO, /dev/stdout) where appending always worked
            var stream = new FileStream(path, mode, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
                await stream.WriteAsync(content).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Runtime($"{name}: couldn't write to file \"{path}\"");
        }
        return Value.Nil;
    }

    private static bool Exists(string path) => path.Length > 0 && (File.Exists(path) || Directory.Exists(path));

    private static bool ParentIsFile(string path)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        while (!string.IsNullOrEmpty(parent))
        {
            if (File.Exists(parent))
                return true;
            if (Directory.Exists(parent))
                return false;
            parent = Path.GetDirectoryName(parent);
        }
        return false;
    }

    private static ArkException FileSystemError(string what, string reason, string path) =>
        Runtime($"filesystem error: {what}: {reason} [{path}]");
}
