namespace Ark.Compiler.Macros;

/// <summary>The names of the macros built into the processor.</summary>
internal static class SpecialMacros
{
    /// <summary><c>($undef name)</c>: forgets the nearest macro called name.</summary>
    public const string Undef = "$undef";

    /// <summary><c>($symcat sym parts...)</c>: a symbol made of sym and the parts.</summary>
    public const string Symcat = "$symcat";

    /// <summary><c>($argcount f)</c>: how many parameters the function f takes.</summary>
    public const string Argcount = "$argcount";

    /// <summary><c>($repr node)</c>: the node written back as a string.</summary>
    public const string Repr = "$repr";

    /// <summary><c>($paste node)</c>: the node, not evaluated.</summary>
    public const string Paste = "$paste";

    private static readonly string[] Names = [Undef, Symcat, Argcount, Repr, Paste];

    public static bool IsSpecial(string name) => Array.IndexOf(Names, name) >= 0;
}
