using System.Runtime.InteropServices;
using System.Text;

namespace Ark.Cli;

/// <summary>
/// The few C library calls ark makes itself on Unix, where the runtime's own way costs start-up
/// time out of proportion: System.Console sets the terminal up on first use, and opening a file
/// through a SafeFileHandle compiles marshalling code the first time. Windows takes the
/// framework's way.
/// </summary>
internal static partial class Libc
{
    public const int Interrupted = 4;
    public const int WouldBlock = 11;
    private const int ReadOnly = 0;

    /// <summary>Whether descriptor <paramref name="descriptor"/> is a terminal.</summary>
    public static bool IsTerminal(int descriptor) =>
        OperatingSystem.IsWindows() ? descriptor == 1 && !Console.IsOutputRedirected : IsATty(descriptor) == 1;

    /// <summary>
    /// The whole content of a file, or null when it cannot be read this way; the caller then
    /// reads it with <see cref="File.ReadAllBytes"/>, which explains what went wrong.
    /// </summary>
    public static unsafe byte[]? TryReadFile(string path)
    {
        if (OperatingSystem.IsWindows() || path.Contains('\0'))
            return null;
        var name = Encoding.UTF8.GetBytes(path + "\0");
        int descriptor;
        fixed (byte* p = name)
            descriptor = Open(p, ReadOnly);
        if (descriptor < 0)
            return null;
        try
        {
            var content = new byte[16 * 1024];
            var length = 0;
            while (true)
            {
                if (length == content.Length)
                    Array.Resize(ref content, content.Length * 2);
                nint n;
                fixed (byte* p = content)
                    n = Read(descriptor, p + length, content.Length - length);
                if (n == 0)
                    return content.AsSpan(0, length).ToArray();
                if (n > 0)
                    length += (int)n;
                else if (Marshal.GetLastPInvokeError() != Interrupted)
                    return null;
            }
        }
        finally
        {
            Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static unsafe partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int descriptor);
}
