using System.Text;
using Ark.Vm.Errors;
using Ark.Vm.Execution;

namespace Ark.Vm.Concurrency;

/// <summary>The error that ends a program whose green threads all wait for one another.</summary>
internal static class DeadlockReport
{
    /// <summary>
    /// One line per parked thread, oldest first: which it is, the function it is in, where it
    /// waits and what for. The location is the main program's wait, or the first thread's.
    /// </summary>
    public static ArkRuntimeError Create(IReadOnlyList<GreenThread> parked)
    {
        var error = new ArkException(ErrorKind.Deadlock, $"every context is waiting and none can wake the others ({parked.Count} waiting)");
        var report = new StringBuilder(error.Display).Append('\n');
        string? location = null;
        foreach (var thread in parked)
        {
            var context = thread.Context;
            var at = context?.WaitLocation ?? "?";
            // a future's first call has no name of its own: it is the function async was given
            var function = context?.WaitingFunction ?? (thread.CalleeName is { } name ? $"`{name}'" : "an anonymous function");
            report.Append("  ").Append(thread.Title)
                .Append(" waits at ").Append(at).Append(" (in ").Append(function).Append(')')
                .Append(" for ").Append(thread.ParkedOn?.Describe() ?? "?").Append('\n');
            if (thread.IsMain || location is null)
                location = $"At {at}";
        }
        return new ArkRuntimeError(error, report.ToString(), location ?? "");
    }
}
