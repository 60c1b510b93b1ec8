namespace Ark.Vm.Execution;

/// <summary>Thrown by <c>sys:exit</c> to stop the program with an exit code; not an error.</summary>
public sealed class ArkExitException(int code) : Exception($"exit {code}")
{
    /// <summary>The process exit code requested by the script.</summary>
    public int Code { get; } = code;
}
