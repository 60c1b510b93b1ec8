using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// The globals a context sees. A future starts with its parent's globals table as it was at
/// the <c>async</c> call, shared rather than copied; whichever side then writes a global that
/// the other could read copies the table first. The parent's top-level code may keep changing
/// globals that no function reads in place, since a future only runs function code.
/// </summary>
public sealed partial class ExecutionContext
{
    private Value[] _globals;
    private bool _globalsShared;
    private readonly bool _isFuture;

    /// <summary>Copies the globals table before a write that a context sharing it could observe.</summary>
    private void PrepareGlobalWrite(int symbol)
    {
        if (_globalsShared && (_isFuture || _program.GlobalsReadByFunctions[symbol]))
        {
            _globals = (Value[])_globals.Clone();
            _globalsShared = false;
        }
    }
}
