using System.Diagnostics;
using Ark.Tests.ScriptRunner;

namespace Ark.Tests.Modules;

/// <summary>
/// The sample third-party module (samples/HelloModule) builds with plain <c>dotnet build</c>
/// against the Ark.Vm next to ark, and ark loads it from a library folder: the README's steps.
/// </summary>
[TestClass]
public sealed class SampleModuleTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    [TestMethod]
    public void SampleModuleBuildsAndRunsThroughArk()
    {
        var root = Path.Combine(Path.GetTempPath(), "ark-sample-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(root, "HelloModule");
        var output = Path.Combine(root, "modules");
        try
        {
            Directory.CreateDirectory(source);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Samples", "HelloModule")))
                File.Copy(file, Path.Combine(source, Path.GetFileName(file)));

            Build(Path.Combine(source, "HelloModule.csproj"), output);
            Assert.IsTrue(File.Exists(Path.Combine(output, "hello.dll")), "the build made no hello.dll");
            Assert.IsFalse(File.Exists(Path.Combine(output, "Ark.Vm.dll")), "a module must not ship its own Ark.Vm");

            File.WriteAllText(Path.Combine(root, "main.ark"), """
                (import hello)
                (print (hello:greet "world") " " hello:version)
                (print (hello:each [1 2 3] (fun (x) (* x x))))
                (let f (fun () (hello:count)))
                (let a (async f))
                (let b (async f))
                (print (+ (await a) (await b) (hello:count)))
                (hello:greet "")
                """);
            var (code, stdout, stderr) = ArkProcess.Run(root, "", "-L", output, "main.ark");
            Assert.AreEqual("Hello, world! 1.0\n[1 4 9]\n6\nhello:greet: the name can not be empty\n", stdout, stderr);
            Assert.AreEqual(1, code);
        }
        finally
        {
            try
            {
                Directory.Delete(root, true);
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static void Build(string project, string output)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -nodeReuse:false: no build server outlives the test
        foreach (var arg in new[] { "build", project, "-c", "Release", "-nodeReuse:false", "-o", output, $"-p:ArkDir={AppContext.BaseDirectory}" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet build of the sample took more than {BuildTimeout}");
        }
        Assert.AreEqual(0, process.ExitCode, $"dotnet build of the sample failed:\n{stdout.Result}\n{stderr.Result}");
    }
}
