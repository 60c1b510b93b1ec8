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
        _ => kind.ToString(),
    };
}
