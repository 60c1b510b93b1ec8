namespace Ark.Vm.Errors;

/// <summary>
/// A runtime error raised by the VM, a builtin or a native module. It unwinds the execution
/// context that raised it; <c>ark</c> prints it with the call stack and exits non-zero.
/// </summary>
public class ArkException : Exception
{
    /// <summary>Creates an error of the given kind; <paramref name="message"/> is the text after the kind's name.</summary>
    public ArkException(ErrorKind kind, string message) : base(message) => Kind = kind;

    /// <summary>The kind of error.</summary>
    public ErrorKind Kind { get; }

    /// <summary>
    /// The error as the reference prints it: <c>Kind: message</c>, except for argument-contract
    /// errors and builtin runtime errors, which the reference prints as their bare message.
    /// </summary>
    public virtual string Display => Kind == ErrorKind.Runtime ? Message : $"{Kind.Name()}: {Message}";
}

/// <summary>
/// A builtin was called with arguments that match none of its contracts. The message
/// describes the expected arguments and what was wrong with the given ones.
/// </summary>
public sealed class ArkContractException : ArkException
{
    /// <summary>Creates the error from its already formatted description.</summary>
    public ArkContractException(string description) : base(ErrorKind.Type, description) { }

    /// <inheritdoc />
    public override string Display => Message;
}
