namespace Ark.Vm;

/// <summary>The language version this VM implements, and which flavour of VM this build is.</summary>
public static class ArkVersion
{
    /// <summary>The ArkScript language version implemented (the reference's version line).</summary>
    public const string Language = "4.0.0";

    /// <summary>The full version string.</summary>
    public static string Full => $"{Language}-arksharp";

    /// <summary>
    /// "no-GIL" for the default build, where execution contexts run in parallel; "GIL" when
    /// built with <c>-p:ArkGil=true</c>, where one global lock serialises bytecode execution.
    /// </summary>
    public static string Flavour =>
#if ARK_GIL
        "GIL";
#else
        "no-GIL";
#endif
}
