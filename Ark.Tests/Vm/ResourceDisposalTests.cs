using Ark.Compiler;
using Ark.Vm.Execution;
using Ark.Vm.Values;

namespace Ark.Tests.Vm;

[TestClass]
public sealed class ResourceDisposalTests
{
    private sealed class Resource(List<string> log, string name, bool fails = false) : IDisposable
    {
        public void Dispose()
        {
            log.Add(name);
            if (fails)
                throw new IOException($"{name} is stuck");
        }
    }

    private static (VirtualMachine Vm, StringWriter Errors) Machine(string source)
    {
        var errors = new StringWriter();
        var host = new ArkHost(Stream.Null, TextReader.Null) { ErrorOutput = errors };
        return (new VirtualMachine(ArkCompiler.Compile(source, "r.ark"), host), errors);
    }

    [TestMethod]
    public void RegisteredResourcesAreDisposedWhenTheRunEndsLastFirst()
    {
        var log = new List<string>();
        var (vm, errors) = Machine("(print 1)");
        vm.DisposeWhenRunEnds(new Resource(log, "first"));
        vm.DisposeWhenRunEnds(new Resource(log, "second"));
        Assert.AreEqual(0, vm.Run());
        CollectionAssert.AreEqual(new[] { "second", "first" }, log);
        Assert.AreEqual("", errors.ToString());
    }

    [TestMethod]
    public void ResourcesAreDisposedAfterARuntimeErrorToo()
    {
        var log = new List<string>();
        var (vm, _) = Machine("(print (+ 1 \"a\"))");
        vm.DisposeWhenRunEnds(new Resource(log, "socket"));
        Assert.ThrowsExactly<ArkRuntimeError>(() => vm.Run());
        CollectionAssert.AreEqual(new[] { "socket" }, log);
    }

    [TestMethod]
    public void AResourceThatFailsToCloseIsReportedAndTheOthersStillClose()
    {
        var log = new List<string>();
        var (vm, errors) = Machine("(print 1)");
        vm.DisposeWhenRunEnds(new Resource(log, "file"));
        vm.DisposeWhenRunEnds(new Resource(log, "server", fails: true));
        Assert.AreEqual(0, vm.Run());
        CollectionAssert.AreEqual(new[] { "server", "file" }, log);
        Assert.AreEqual("A module resource (Resource) failed to close: server is stuck\n", errors.ToString().Replace("\r\n", "\n"));
    }

    [TestMethod]
    public void OwnedUserTypesOfDisposableObjectsCloseWithTheRun()
    {
        var log = new List<string>();
        var (vm, _) = Machine("(print 1)");
        var context = new Ark.Vm.Execution.ExecutionContext(vm.Host);
        var wrapped = UserType.Owned(context, "Handle", new Resource(log, "handle"));
        Assert.AreEqual("UserType<Handle>", wrapped.ToString());
        context.Vm.Run();
        CollectionAssert.AreEqual(new[] { "handle" }, log);
    }
}
