using Ark.Vm.Execution;
using Ark.Vm.Values;

namespace Ark.Tests.Vm;

[TestClass]
public sealed class InternalFailureTests
{
    [TestMethod]
    public void ANativeFunctionThatThrowsIsARuntimeErrorNotACrash()
    {
        var context = new Ark.Vm.Execution.ExecutionContext(new ArkHost(Stream.Null, TextReader.Null));
        var broken = new Value(new NativeFunction("broken", (_, _) => throw new InvalidOperationException("a bug")));
        var error = Assert.ThrowsExactly<ArkRuntimeError>(() => context.Snapshot().Call(broken, []));
        Assert.AreEqual("VMError: internal error: InvalidOperationException: a bug", error.Error.Display);
    }
}
