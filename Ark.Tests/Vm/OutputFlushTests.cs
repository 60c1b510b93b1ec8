using System.Text;
using Ark.Compiler;
using Ark.Vm.Execution;

namespace Ark.Tests.Vm;

[TestClass]
public sealed class OutputFlushTests
{
    /// <summary>A buffered-looking stream that records what had been written at each flush.</summary>
    private sealed class FlushRecorder : MemoryStream
    {
        public List<string> SeenAtFlush { get; } = [];

        public override void Flush() => SeenAtFlush.Add(Encoding.UTF8.GetString(ToArray()));
    }

    private static FlushRecorder Run(string source, bool flushEachWrite)
    {
        var output = new FlushRecorder();
        var host = new ArkHost(output, TextReader.Null) { FlushEachWrite = flushEachWrite };
        new VirtualMachine(ArkCompiler.Compile(source, "f.ark"), host).Run();
        return output;
    }

    [TestMethod]
    public void WhatWasPrintedIsFlushedBeforeASleep() =>
        Assert.AreEqual("before\n", Run("(print \"before\") (sys:sleep 1) (print \"after\")", false).SeenAtFlush[0]);

    [TestMethod]
    public void ToAFileOrPipeOutputIsFlushedInBlocks() =>
        CollectionAssert.AreEqual(new[] { "1\n2\n" }, Run("(print 1) (print 2)", false).SeenAtFlush);

    [TestMethod]
    public void ToATerminalEveryPrintIsFlushed() =>
        CollectionAssert.AreEqual(new[] { "1", "1\n", "1\n2", "1\n2\n", "1\n2\n" }, Run("(print 1) (print 2)", true).SeenAtFlush);
}
