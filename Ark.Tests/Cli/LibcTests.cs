using Ark.Cli;

namespace Ark.Tests.Cli;

/// <summary>The C library calls the CLI makes itself to keep start-up short.</summary>
[TestClass]
public sealed class LibcTests
{
    [TestMethod]
    public void AFileIsReadWhole()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("reads through Unix descriptors");
        var path = Path.Combine(Path.GetTempPath(), $"libc-{Guid.NewGuid():N}.bin");
        // larger than the first buffer, so the buffer has to grow twice
        var content = new byte[70_000];
        new Random(7).NextBytes(content);
        File.WriteAllBytes(path, content);
        try
        {
            CollectionAssert.AreEqual(content, Libc.TryReadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void AnEmptyFileIsEmpty()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("reads through Unix descriptors");
        var path = Path.Combine(Path.GetTempPath(), $"libc-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, []);
        try
        {
            Assert.AreEqual(0, Libc.TryReadFile(path)!.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void WhatCannotBeReadIsLeftToTheFramework()
    {
        Assert.IsNull(Libc.TryReadFile(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.ark")));
        // open(2) opens a folder; reading it fails
        Assert.IsNull(Libc.TryReadFile(Path.GetTempPath()));
        Assert.IsNull(Libc.TryReadFile("bad\0name"));
    }

    [TestMethod]
    public void ADescriptorThatIsNotOpenIsNoTerminal() => Assert.IsFalse(Libc.IsTerminal(1_000_000));
}
