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

    /// <inheritdoc />
    public override string ToString() => Formatter?.Invoke(Data) ?? $"UserType<{TypeName}>";
}
