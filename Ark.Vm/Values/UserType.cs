namespace Ark.Vm.Values;

/// <summary>
/// A host object handed to scripts by a native module. Scripts can store and pass it but only
/// native functions can look inside. Two user types are equal when they wrap the same object.
/// </summary>
public sealed class UserType : ArkObject
{
    /// <summary>Wraps <paramref name="data"/> under the type name <paramref name="typeName"/>.</summary>
    public UserType(string typeName, object data, Func<object, string>? formatter = null) : base(ValueKind.UserType)
    {
        TypeName = typeName;
        Data = data;
        Formatter = formatter;
    }

    /// <summary>The module-defined type name, used in messages and when printing.</summary>
    public string TypeName { get; }

    /// <summary>The wrapped host object.</summary>
    public object Data { get; }

    /// <summary>How the object prints; null prints <c>UserType&lt;TypeName&gt;</c>.</summary>
    public Func<object, string>? Formatter { get; }

    /// <summary>
    /// Wraps <paramref name="data"/> like the constructor and, when it is <see cref="IDisposable"/>,
    /// has the run dispose it when it ends (see <see cref="Execution.VirtualMachine.DisposeWhenRunEnds"/>).
    /// </summary>
    /// <param name="context">The calling context, whose run owns the object.</param>
    /// <param name="typeName">The module-defined type name.</param>
    /// <param name="data">The host object.</param>
    /// <param name="formatter">How the object prints; null prints <c>UserType&lt;TypeName&gt;</c>.</param>
    /// <returns>The user type.</returns>
    public static UserType Owned(Execution.ExecutionContext context, string typeName, object data, Func<object, string>? formatter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (data is IDisposable disposable)
            context.Vm.DisposeWhenRunEnds(disposable);
        return new UserType(typeName, data, formatter);
    }

    /// <inheritdoc />
    public override string ToString() => Formatter?.Invoke(Data) ?? $"UserType<{TypeName}>";
}
