using System.Diagnostics;
using Ark.Tests.TestSupport;

namespace Ark.Tests.Cli;

/// <summary>
/// A real <c>ark</c> process writing to standard output that stops taking it: a pipe whose
/// reader left, and a full device.
/// </summary>
[TestClass]
public sealed class ArkOutputProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string WriteScript(string code)
    {
        var file = Path.Combine(Path.GetTempPath(), $"output-{Guid.NewGuid():N}.ark");
        File.WriteAllText(file, code);
        return file;
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void OutputToAPipeWhoseReaderLeftEndsQuietly()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("closes a POSIX pipe");
        var script = WriteScript("(mut i 0)\n(while (< i 200000) { (print i) (set i (+ i 1)) })\n(print \"done\")\n");
        try
        {
            var start = new ProcessStartInfo(ArkExecutable.Path, [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            Assert.AreEqual("0", process.StandardOutput.ReadLine());
            process.StandardOutput.Close();
            Assert.IsTrue(process.WaitForExit(Patience), "ark did not end after its reader left");
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode);
            Assert.AreEqual("", errors.Result);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void OutputToAFileSharedWithOtherWritersKeepsTheirOrder()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("uses a POSIX shell");
        var script = WriteScript("(print \"from ark\")\n(print \"second line\")\n");
        var output = Path.Combine(Path.GetTempPath(), $"shared-{Guid.NewGuid():N}.txt");
        try
        {
            var start = new ProcessStartInfo("/bin/sh", ["-c", "{ echo before; \"$0\" \"$1\"; echo after; } > \"$2\"", ArkExecutable.Path, script, output]);
            using var process = Process.Start(start)!;
            Assert.IsTrue(process.WaitForExit(Patience));
            Assert.AreEqual(0, process.ExitCode);
            Assert.AreEqual("before\nfrom ark\nsecond line\nafter\n", File.ReadAllText(output));
        }
        finally
        {
            File.Delete(script);
            File.Delete(output);
        }
    }

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void OutputToAFullDeviceIsReportedAndFails()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Inconclusive("writes to Linux's /dev/full");
        var script = WriteScript("(print \"lost\")\n");
        try
        {
            var start = new ProcessStartInfo("/bin/sh", ["-c", "exec \"$0\" \"$1\" > /dev/full", ArkExecutable.Path, script]) { RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            Assert.IsTrue(process.WaitForExit(Patience));
            Assert.AreEqual(1, process.ExitCode);
            Assert.AreEqual("ark: cannot write to standard output: No space left on device\n", errors);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
