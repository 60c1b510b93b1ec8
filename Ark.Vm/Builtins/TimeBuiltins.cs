using Ark.Vm.Execution;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;

namespace Ark.Vm.Builtins;

/// <summary>The <c>time</c> builtin.</summary>
public static class TimeBuiltins
{
    /// <summary><c>(time)</c>: seconds since the Unix epoch, with microsecond precision. Arguments are ignored.</summary>
    public static Value Time(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        var micros = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        return new Value(micros / 1_000_000.0);
    }
}
