namespace Ark.Vm.Errors;

/// <summary>The kinds of runtime error, named as the reference interpreter names them.</summary>
public enum ErrorKind
{
    /// <summary>An internal VM error, e.g. the maximum recursion depth.</summary>
    VM,
    /// <summary>A native module could not be found or loaded.</summary>
    Module,
    /// <summary>An unbound variable or field.</summary>
    Scope,
    /// <summary>A value of the wrong type.</summary>
    Type,
    /// <summary>An index out of range.</summary>
    Index,
    /// <summary>A function called with the wrong number of arguments.</summary>
    Arity,
    /// <summary>A division by zero.</summary>
    DivisionByZero,
    /// <summary>A failed <c>assert</c>.</summary>
    AssertionFailed,
    /// <summary>
    /// A failure a builtin reports in its own words (a plain runtime error in the reference),
    /// e.g. <c>list:slice: step can not be null or negative</c>; printed without a kind prefix.
    /// </summary>
    Runtime,
    /// <summary>Every green thread waits for another one, so none can ever run again (ArkSharp's own kind).</summary>
    Deadlock,
}

/// <summary>Text of error kinds.</summary>
public static class ErrorKindNames
{
    /// <summary>The prefix printed before the message, e.g. <c>TypeError</c>.</summary>
    public static string Name(this ErrorKind kind) => kind switch
    {
        ErrorKind.VM => "VMError",
        ErrorKind.Module => "ModuleError",
        ErrorKind.Scope => "ScopeError",
        ErrorKind.Type => "TypeError",
        ErrorKind.Index => "IndexError",
        ErrorKind.Arity => "ArityError",
        ErrorKind.DivisionByZero => "DivisionByZero",
        ErrorKind.AssertionFailed => "AssertionFailed",
        ErrorKind.Runtime => "",
        ErrorKind.Deadlock => "DeadlockError",
        _ => kind.ToString(),
    };
}
