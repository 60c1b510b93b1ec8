namespace Ark.Compiler.Syntax;

/// <summary>The language's keywords, in the reference implementation's order.</summary>
public enum Keyword
{
    /// <summary><c>fun</c></summary>
    Fun,

    /// <summary><c>let</c></summary>
    Let,

    /// <summary><c>mut</c></summary>
    Mut,

    /// <summary><c>set</c></summary>
    Set,

    /// <summary><c>if</c></summary>
    If,

    /// <summary><c>while</c></summary>
    While,

    /// <summary><c>begin</c></summary>
    Begin,

    /// <summary><c>import</c></summary>
    Import,

    /// <summary><c>del</c></summary>
    Del,
}

/// <summary>The source spelling of each <see cref="Keyword"/>.</summary>
public static class KeywordText
{
    private static readonly string[] Spellings = ["fun", "let", "mut", "set", "if", "while", "begin", "import", "del"];

    /// <summary>The word as written in source, e.g. <c>"while"</c>.</summary>
    public static string Of(Keyword keyword) => Spellings[(int)keyword];

    /// <summary>Looks a word up; false when it is not a keyword.</summary>
    public static bool TryParse(string word, out Keyword keyword)
    {
        int index = Array.IndexOf(Spellings, word);
        keyword = index < 0 ? default : (Keyword)index;
        return index >= 0;
    }
}
