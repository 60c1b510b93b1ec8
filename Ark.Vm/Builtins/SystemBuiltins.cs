using System.Diagnostics;
using Ark.Vm.Errors;
using Ark.Vm.Execution;
using Ark.Vm.Modules;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;
using Ark.Vm.Values;
using static Ark.Vm.Builtins.Contracts;

namespace Ark.Vm.Builtins;

/// <summary>The <c>sys:*</c> builtins: running commands, sleeping and exiting.</summary>
public static class SystemBuiltins
{
    private static readonly Contract CommandContract = One("command", ValueKind.String);
    private static readonly Contract DurationContract = One("duration", ValueKind.Number);
    private static readonly Contract ExitContract = One("exitCode", ValueKind.Number);

    // the asynchronous function as a native call from outside the VM's table (embedders, tests)
    private static readonly NativeFn ExecNative = ModuleBuilder.AsyncAdapter("sys:exec", ExecAsync);

    /// <summary>
    /// <c>(sys:exec command)</c>: runs the command with <c>/bin/sh -c</c> and returns what it wrote
    /// to its standard output. A green thread parks until the command has ended.
    /// </summary>
    public static Value Exec(ReadOnlySpan<Value> args, ExecutionContext context) => ExecNative(args, context);

    /// <summary><see cref="Exec"/> as an asynchronous native.</summary>
    internal static ValueTask<Value> ExecAsync(Value[] args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.String))
            throw TypeCheck.Error("sys:exec", args, CommandContract);
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(args[0].AsString.ToString());
        // the command shares the terminal: what the script printed first must come first
        context.Host.Flush();
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process = null;
        }
        if (process is null)
            throw Runtime("sys:exec: couldn't retrieve command output");
        return CaptureOutputAsync(process);
    }

    private static async ValueTask<Value> CaptureOutputAsync(Process process)
    {
        using (process)
        {
            using var output = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(output).ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            return new Value(ArkString.FromBytes(output.ToArray()));
        }
    }

    /// <summary>
    /// <c>(sys:sleep duration)</c>: pauses the calling context for duration milliseconds. A
    /// green thread parks on the scheduler's timer and its worker runs other contexts meanwhile.
    /// </summary>
    public static Value Sleep(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.Number))
            throw TypeCheck.Error("sys:sleep", args, DurationContract);
        var ms = args[0].Num;
        // what was printed before a pause should be visible during it
        context.Host.Flush();
        context.Sleep(ms);
        return Value.Nil;
    }

    /// <summary><c>(sys:exit code)</c>: stops the program with the given exit code.</summary>
    public static Value Exit(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (!Is(args, ValueKind.Number))
            throw TypeCheck.Error("sys:exit", args, ExitContract);
        throw new ArkExitException((int)ToLong(args[0].Num));
    }
}
