namespace Ark.Vm.Values;

/// <summary>Equality and ordering with the reference interpreter's rules.</summary>
public static class ValueOps
{
    /// <summary>
    /// Structural equality: values of different kinds are never equal; nil, true and false
    /// equal themselves; lists and closure environments compare element by element.
    /// </summary>
    public static bool Equal(in Value a, in Value b)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var ao = a.Obj;
        var bo = b.Obj;
        if (ao is null)
            return bo is null && a.Num == b.Num;
        if (bo is null || ao.Kind != bo.Kind)
            return false;
        if (ReferenceEquals(ao, bo))
            return ao.Kind != ValueKind.List || ListEqual((ArkList)ao, (ArkList)bo);
        switch (ao.Kind)
        {
            case ValueKind.String:
                return ((ArkString)ao).Equals((ArkString)bo);
            case ValueKind.List:
                return ListEqual((ArkList)ao, (ArkList)bo);
            case ValueKind.Closure:
                var ca = (Closure)ao;
                var cb = (Closure)bo;
                return ca.Proto == cb.Proto && EnvEqual(ca.Env, cb.Env);
            case ValueKind.CProc:
                return ((NativeFunction)ao).Function == ((NativeFunction)bo).Function;
            case ValueKind.UserType:
                return ReferenceEquals(((UserType)ao).Data, ((UserType)bo).Data);
            case ValueKind.Nil:
            case ValueKind.True:
            case ValueKind.False:
            case ValueKind.Undefined:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Strict ordering: values of different kinds order by kind; numbers, strings (byte-wise)
    /// and lists (lexicographically) by content; functions by page.
    /// </summary>
    public static bool Less(in Value a, in Value b)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var ka = a.Kind;
        var kb = b.Kind;
        if (ka != kb)
            return ka < kb;
        switch (ka)
        {
            case ValueKind.Number:
                return a.Num < b.Num;
            case ValueKind.String:
                return ArkString.CompareOrdinal(a.AsString, b.AsString) < 0;
            case ValueKind.List:
                return ListLess(a.AsList, b.AsList);
            case ValueKind.Function:
                return ((FunctionProto)a.Obj!).Page < ((FunctionProto)b.Obj!).Page;
            case ValueKind.Closure:
                return ((Closure)a.Obj!).Proto.Page < ((Closure)b.Obj!).Proto.Page;
            default:
                return false;
        }
    }

    private static bool ListEqual(ArkList a, ArkList b)
    {
        if (a.Count != b.Count)
            return false;
        var x = a.Items;
        var y = b.Items;
        for (var i = 0; i < x.Length; i++)
        {
            if (!Equal(x[i], y[i]))
                return false;
        }
        return true;
    }

    private static bool ListLess(ArkList a, ArkList b)
    {
        var x = a.Items;
        var y = b.Items;
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            if (Less(x[i], y[i]))
                return true;
            if (Less(y[i], x[i]))
                return false;
        }
        return x.Length < y.Length;
    }

    private static bool EnvEqual(ClosureEnv a, ClosureEnv b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.Values.Length != b.Values.Length)
            return false;
        for (var i = 0; i < a.Values.Length; i++)
        {
            if (a.Symbols[i] != b.Symbols[i] || !Equal(a.Values[i], b.Values[i]))
                return false;
        }
        return true;
    }
}
