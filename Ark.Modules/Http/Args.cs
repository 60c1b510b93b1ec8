using Ark.Vm.Values;

namespace Ark.Modules.Http;

/// <summary>Reading arguments whose kinds the caller has already checked.</summary>
internal static class Args
{
    /// <summary>The text of a string argument.</summary>
    public static string Text(in Value value) => value.AsString.ToString();

    /// <summary>True when <paramref name="value"/> is a user type wrapping a <typeparamref name="T"/>.</summary>
    public static bool Is<T>(in Value value) where T : class => value.Obj is UserType { Data: T };

    /// <summary>The <typeparamref name="T"/> wrapped by a user type, or null.</summary>
    public static T? As<T>(in Value value) where T : class => (value.Obj as UserType)?.Data as T;

    /// <summary>True for a whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static bool IsInteger(double number, double min, double max) =>
        number >= min && number <= max && Math.Floor(number) == number;

    /// <summary>A list of strings.</summary>
    public static Value StringList(IEnumerable<string> items)
    {
        var list = new ArkList();
        foreach (var item in items)
            list.Add(Value.String(item));
        return new Value(list);
    }
}
