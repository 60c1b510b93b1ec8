namespace Ark.Modules.Json;

/// <summary>
/// Orders strings by Unicode code point, which is the byte order of their UTF-8 encodings: the
/// order the reference's JSON library keeps object keys in. Plain ordinal comparison of .NET
/// strings differs from it only for characters outside the Basic Multilingual Plane, whose
/// surrogates sort below U+E000..U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            char a = x[i], b = y[i];
            if (a != b)
                return Rank(a) - Rank(b);
        }
        return x.Length - y.Length;
    }

    // surrogates (U+D800..U+DFFF) stand for code points above U+FFFF, so they rank above
    // everything else; relative order among them and among the rest is unchanged
    private static int Rank(char c) => c >= 0xD800 && c <= 0xDFFF ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c;
}
