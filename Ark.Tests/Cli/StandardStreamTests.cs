using System.Text;
using Ark.Cli;

namespace Ark.Tests.Cli;

/// <summary>The CLI's own standard streams: opened only when used, and what a failed write does.</summary>
[TestClass]
public sealed class StandardStreamTests
{
    /// <summary>A file that fails every write with the given error code, as the operating system reports it.</summary>
    private sealed class FailingStream(int errorCode, string message) : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            throw new IOException(message, errorCode);
        }
    }

    [TestMethod]
    public void OutputReachesTheFile()
    {
        var file = new MemoryStream();
        var output = new StandardOutputStream(file, new StringWriter());
        output.Write("hello\n"u8);
        output.Write(Encoding.UTF8.GetBytes("world\n"), 0, 6);
        Assert.AreEqual("hello\nworld\n", Encoding.UTF8.GetString(file.ToArray()));
        Assert.IsFalse(output.WriteFailed);
    }

    [TestMethod]
    public void AReaderThatWentAwayIsNotAnError()
    {
        var errors = new StringWriter();
        var file = new FailingStream(32, "Broken pipe");
        var output = new StandardOutputStream(file, errors);
        output.Write("first\n"u8);
        output.Write("second\n"u8);
        Assert.IsFalse(output.WriteFailed);
        Assert.AreEqual("", errors.ToString());
        Assert.AreEqual(1, file.Writes, "output after the pipe closed is dropped, not retried");
    }

    [TestMethod]
    public void AnyOtherWriteErrorIsReportedOnceAndFailsTheCommand()
    {
        var errors = new StringWriter();
        var file = new FailingStream(28, "No space left on device");
        var output = new StandardOutputStream(file, errors);
        output.Write("first\n"u8);
        output.Write("second\n"u8);
        Assert.IsTrue(output.WriteFailed);
        Assert.AreEqual("ark: cannot write to standard output: No space left on device\n", errors.ToString().ReplaceLineEndings("\n"));
        Assert.AreEqual(1, file.Writes);
    }

    [TestMethod]
    public void ADescriptorWriteErrorCarriesTheSystemsCodeAndMessage()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("writes to a Unix file descriptor");
        using var closed = new DescriptorOutputStream(1_000_000);
        var error = Assert.ThrowsExactly<IOException>(() => closed.Write("lost"u8));
        Assert.AreEqual(9, error.HResult, "EBADF");
        Assert.AreEqual("Bad file descriptor", error.Message);
    }

    [TestMethod]
    public void TheErrorWriterIsOpenedOnFirstUse()
    {
        var opened = 0;
        var target = new StringWriter();
        var writer = new DeferredWriter(() => { opened++; return target; });
        writer.Flush();
        Assert.AreEqual(0, opened, "flushing a writer nothing was written to opens nothing");
        writer.WriteLine("one");
        writer.Write('2');
        writer.Write("3".AsSpan());
        Assert.AreEqual(1, opened);
        Assert.AreEqual("one\n23", target.ToString().ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void TheInputReaderIsOpenedOnFirstUse()
    {
        var opened = 0;
        var reader = new DeferredReader(() => { opened++; return new StringReader("line one\nline two\n"); });
        Assert.AreEqual(0, opened);
        Assert.AreEqual("line one", reader.ReadLine());
        Assert.AreEqual('l', (char)reader.Peek());
        Assert.AreEqual("line two\n", reader.ReadToEnd());
        Assert.AreEqual(1, opened);
    }
}
