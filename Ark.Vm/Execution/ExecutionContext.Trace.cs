using System.Text;
using Ark.Vm.Concurrency;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>The report of a runtime error: the reference's backtrace layout plus source locations.</summary>
public sealed partial class ExecutionContext
{
    /// <summary>How many frames the reference lists before eliding the rest.</summary>
    private const int TraceFrames = 8;

    private ArkRuntimeError Fail(ArkException error)
    {
        var report = new StringBuilder();
        report.Append(MessageBlock(error)).Append('\n');
        if (_frameCount > 1)
        {
            AppendCallStack(report);
            report.Append("\nCurrent scope variables values:\n");
            AppendVariables(report, _frames[_frameCount - 1]);
        }
        var locations = error is ArkFutureError future ? $"{future.FutureLocation}\n  awaited at {Locations()["At ".Length..]}" : Locations();
        _faultIp = -1;
        return new ArkRuntimeError(error, report.ToString(), locations);
    }

    /// <summary>
    /// The error text. The reference ends errors raised by the VM with a newline, prints the
    /// argument-contract description on its own and shows other errors bare.
    /// </summary>
    private static string MessageBlock(ArkException error) => (error is ArkFutureError future ? future.Inner.Error : error) switch
    {
        ArkContractException => error.Message,
        _ when error.Kind is ErrorKind.AssertionFailed or ErrorKind.Runtime => error.Display,
        _ => error.Display + "\n",
    };

    private void AppendCallStack(StringBuilder report)
    {
        var shown = 0;
        for (var f = _frameCount - 1; f >= 0; f--)
        {
            report.Append('[').Append(f + 1).Append("] ");
            if (f == 0)
            {
                report.Append("In global scope\n");
                break;
            }
            report.Append("In function `").Append(FrameName(_frames[f])).Append("'\n");
            if (++shown >= TraceFrames)
            {
                report.Append("...\n");
                break;
            }
        }
    }

    private string FrameName(in Frame frame) =>
        frame.Env is null && frame.NameSymbol >= 0 ? SymbolName(frame.NameSymbol) : "???";

    private void AppendVariables(StringBuilder report, in Frame frame)
    {
        if (frame.Env is { } env)
        {
            for (var i = 0; i < env.Values.Length; i++)
                report.Append(env.Names[i]).Append(" = ").Append(ValueFormatter.Format(env.Values[i])).Append('\n');
        }
        else if (frame.NameSymbol >= 0)
            report.Append(SymbolName(frame.NameSymbol)).Append(" = ").Append(frame.Proto).Append('\n');

        var slots = frame.Proto.SlotSymbols;
        for (var slot = 0; slot < slots.Length; slot++)
        {
            var value = _stack[frame.Fp + slot];
            if (!value.IsUnbound)
                report.Append(SymbolName(slots[slot])).Append(" = ").Append(ValueFormatter.Format(value)).Append('\n');
        }
    }

    private string Locations()
    {
        var map = _program.SourceMap;
        var sb = new StringBuilder();
        sb.Append("At ").Append(map.Describe(_faultIp >= 0 ? _faultIp : _ip));
        for (var f = _frameCount - 1; f >= 1; f--)
        {
            if (_frames[f].CallIp >= 0)
                sb.Append("\n  called from ").Append(map.Describe(_frames[f].CallIp));
        }
        return sb.ToString();
    }
}
