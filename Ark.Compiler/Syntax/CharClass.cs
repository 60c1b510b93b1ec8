namespace Ark.Compiler.Syntax;

/// <summary>
/// The character classes of the grammar, applied to code points. They follow the C
/// library's classification in the "C" locale, as the reference does: nothing above
/// U+007F is a letter, a digit or a space.
/// </summary>
internal static class CharClass
{
    public static bool IsSpace(int c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>Whitespace that does not end a line.</summary>
    public static bool IsInlineSpace(int c) => c is ' ' or '\t' or '\v' or '\f';

    public static bool IsDigit(int c) => c is >= '0' and <= '9';

    public static bool IsHex(int c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    public static bool IsAlpha(int c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsAlnum(int c) => IsAlpha(c) || IsDigit(c);

    /// <summary>Punctuation allowed in names, anywhere in them: <c>list:reverse</c>, <c>empty?</c>, <c>&lt;=</c>.</summary>
    public static bool IsNameSymbol(int c) =>
        c is ':' or '!' or '?' or '@' or '_' or '-' or '+' or '*' or '/' or '|' or '=' or '<' or '>' or '%' or '$';

    public static bool IsNameStart(int c) => IsAlpha(c) || IsNameSymbol(c);

    public static bool IsNamePart(int c) => IsAlnum(c) || IsNameSymbol(c);

    /// <summary>Characters of a package path part after the first: <c>my-lib_2</c>.</summary>
    public static bool IsPackagePart(int c) => IsAlnum(c) || c is '_' or '-';

    /// <summary>Where the token quoted by an error message stops.</summary>
    public static bool EndsErrorToken(int c) => IsInlineSpace(c) || c is '(' or ')';

    /// <summary>
    /// Whether reading the character advances the column: control characters (a tab
    /// included) do not; everything from U+007F up does.
    /// </summary>
    public static bool IsPrintable(int c) => c >= 0x7F || c is >= 0x20 and < 0x7F;
}
