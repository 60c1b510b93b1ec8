namespace Ark.Compiler.Resolution;

/// <summary>Edit distance, used to suggest a defined name for a misspelt one.</summary>
public static class Levenshtein
{
    /// <summary>The number of single-character insertions, deletions or substitutions turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b) =>
        Distance(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    /// <summary>The edit distance between two UTF-8 byte strings, as the reference computes it on <c>std::string</c>.</summary>
    public static int Distance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
