using System.Runtime.InteropServices;

namespace Ark.Cli;

/// <summary>
/// A write-only stream over a Unix file descriptor, written with write(2). A FileStream over
/// standard output would use pwrite at its own position when the output is a file, so text
/// that other processes write to the same file (<c>{ echo a; ark x.ark; echo b; } &gt; out</c>,
/// or a command a script runs) would overwrite ark's; write(2) moves the offset all of them share.
/// </summary>
internal sealed class DescriptorOutputStream(int descriptor) : WriteOnlyStream
{
    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var n = Libc.Write(descriptor, start + written, buffer.Length - written);
                if (n >= 0)
                {
                    written += (int)n;
                    continue;
                }
                var error = Marshal.GetLastPInvokeError();
                if (error == Libc.Interrupted)
                    continue;
                // a descriptor another program made non-blocking: wait for the reader
                if (error == Libc.WouldBlock)
                {
                    Thread.Sleep(1);
                    continue;
                }
                throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
            }
        }
    }
}
