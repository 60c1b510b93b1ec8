using Ark.Vm.Errors;

namespace Ark.Vm.Execution;

/// <summary>
/// A runtime error that ended a program, with what <c>ark</c> prints about it: the error and
/// the call stack in the reference's layout, and where in the source it happened.
/// </summary>
public sealed class ArkRuntimeError : Exception
{
    /// <summary>Wraps <paramref name="error"/> with its report.</summary>
    public ArkRuntimeError(ArkException error, string report, string location)
        : base(error.Display, error)
    {
        Error = error;
        Report = report;
        Location = location;
    }

    /// <summary>The error that was raised.</summary>
    public ArkException Error { get; }

    /// <summary>The error message followed by the call stack, as the reference prints it.</summary>
    public string Report { get; }

    /// <summary>Where the error happened, as <c>file:line</c>, followed by the call sites.</summary>
    public string Location { get; }
}
