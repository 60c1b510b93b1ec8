using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>One active function call of an execution context.</summary>
internal struct Frame
{
    /// <summary>The function running in this frame.</summary>
    public FunctionProto Proto;

    /// <summary>Where the function's local slots start in the value stack.</summary>
    public int Fp;

    /// <summary>Where execution continues in the caller.</summary>
    public int ReturnIp;

    /// <summary>
    /// The call instruction, for stack traces; -1 for a call from native code (the frame a
    /// nested run of the loop stops at) and for the top level.
    /// </summary>
    public int CallIp;

    /// <summary>The environment of the closure being run, if any; its variables are in scope.</summary>
    public ClosureEnv? Env;

    /// <summary>The symbol the function was called by, for messages; -1 when anonymous.</summary>
    public int NameSymbol;
}
