using Ark.Modules.Http;

namespace Ark.Tests.Modules.Http;

/// <summary>Where the http module finds ASP.NET Core when ark's runtimeconfig does not list it.</summary>
[TestClass]
public sealed class SharedFrameworkResolverTests
{
    [TestMethod]
    public void FindsTheAspNetCoreFrameworkOfTheRunningRuntime()
    {
        var folder = SharedFrameworkResolver.FrameworkFolder;
        Assert.IsNotNull(folder, "Microsoft.AspNetCore.App should be installed with the SDK");
        Assert.AreEqual("Microsoft.AspNetCore.App", Path.GetFileName(Path.GetDirectoryName(folder)));
        Assert.IsTrue(File.Exists(Path.Combine(folder, "Microsoft.AspNetCore.Server.Kestrel.Core.dll")));
        // the same version as the runtime when it is there, as the SDK installs them
        var runtimeVersion = Path.GetFileName(Path.GetDirectoryName(typeof(object).Assembly.Location));
        if (Directory.Exists(Path.Combine(Path.GetDirectoryName(folder)!, runtimeVersion!)))
            Assert.AreEqual(runtimeVersion, Path.GetFileName(folder));
    }
}
