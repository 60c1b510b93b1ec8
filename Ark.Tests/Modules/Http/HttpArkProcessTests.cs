using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Ark.Tests.TestSupport;

namespace Ark.Tests.Modules.Http;

/// <summary>
/// The server in a real <c>ark</c> process: its runtimeconfig lists only Microsoft.NETCore.App,
/// so Kestrel comes through the module's shared-framework resolver; Ctrl+C (SIGINT) stops the
/// server and the script goes on after <c>listen</c>.
/// </summary>
[TestClass]
public sealed class HttpArkProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void InterruptStopsTheServerOfARealArkProcess()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Inconclusive("sends SIGINT with libc's kill");
        var dir = Path.Combine(Path.GetTempPath(), "ark-http-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var port = HttpServerTests.FreePort();
            File.WriteAllText(Path.Combine(dir, "main.ark"), """
                (import http)
                (http:server:get "/" (fun (m b p) [200 "served by ark" "text/plain"]))
                (http:server:listen "localhost" (toNumber (@ sys:args 0)))
                (print "listen returned")
                """);
            var start = new ProcessStartInfo(ArkExecutable.Path, ["main.ark", port.ToString()])
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                var deadline = DateTime.UtcNow + Patience;
                string? body = null;
                while (body is null)
                {
                    Assert.IsFalse(process.HasExited, $"ark ended: {stdout}{stderr}");
                    try
                    {
                        body = client.GetStringAsync($"http://127.0.0.1:{port}/").GetAwaiter().GetResult();
                    }
                    catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                    {
                        Thread.Sleep(50);
                    }
                }
                Assert.AreEqual("served by ark", body);

                Assert.AreEqual(0, Kill(process.Id, SigInt), "could not send SIGINT");
                Assert.IsTrue(process.WaitForExit(Patience), "ark did not stop on SIGINT");
                process.WaitForExit();
                Assert.AreEqual(0, process.ExitCode, stderr.ToString());
                Assert.AreEqual("listen returned\n", stdout.ToString());
            }
            finally
            {
                if (!process.HasExited)
                    process.Kill();
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>
    /// A .NET installed without ASP.NET Core: a copy of the running one with only its host and
    /// Microsoft.NETCore.App, which the ark process is pointed at with DOTNET_ROOT.
    /// </summary>
    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void ListenWithoutAspNetCoreInstalledSaysWhatIsMissing()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Inconclusive("points ark's apphost at a copied .NET with DOTNET_ROOT");
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var installed = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var dir = Path.Combine(Path.GetTempPath(), "ark-http-no-aspnet-" + Guid.NewGuid().ToString("N"));
        try
        {
            var root = Path.Combine(dir, "dotnet");
            CopyDirectory(Path.Combine(installed, "host"), Path.Combine(root, "host"));
            CopyDirectory(runtime, Path.Combine(root, "shared", "Microsoft.NETCore.App", Path.GetFileName(runtime)));
            File.WriteAllText(Path.Combine(dir, "main.ark"), """
                (import http)
                (http:server:get "/" (fun (m b p) [200 "never served" "text/plain"]))
                (print "routes registered")
                (http:server:listen "localhost" 0)
                (print "listen returned")
                """);
            var start = new ProcessStartInfo(ArkExecutable.Path, ["main.ark"])
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment.Remove("DOTNET_ROOT_X64");
            start.Environment.Remove("DOTNET_ROOT_ARM64");
            start.Environment["DOTNET_ROOT"] = root;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.IsTrue(process.WaitForExit(Patience), "ark did not end");
            Assert.AreEqual(
                "routes registered\n"
                + "http:server:listen: the server needs ASP.NET Core's shared framework (Microsoft.AspNetCore.App "
                + Environment.Version.Major + "), which was not found next to the .NET runtime\n",
                stdout);
            Assert.AreEqual("At main.ark:4\n", stderr.Result);
            Assert.AreEqual(1, process.ExitCode);
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var folder in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
