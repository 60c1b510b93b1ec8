using System.Text.RegularExpressions;
using Ark.Vm.Values;

namespace Ark.Modules.Http.Server;

/// <summary>
/// A handler registered for one method and a path pattern: a regular expression that must
/// match the whole path, whose groups are handed to the handler (<c>/numbers/(\d+)</c>).
/// </summary>
internal sealed class Route
{
    public Route(string method, string pattern, Value handler)
    {
        Method = method;
        Pattern = pattern;
        // parsed alone first, so that an error describes the script's pattern, not the anchored one
        _ = new Regex(pattern, RegexOptions.CultureInvariant);
        // CultureInvariant: matching does not depend on the machine; a timeout bounds pathological patterns
        Regex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Handler = handler;
    }

    /// <summary>GET, POST, PUT, DELETE or PATCH.</summary>
    public string Method { get; }

    /// <summary>The pattern as the script gave it.</summary>
    public string Pattern { get; }

    public Regex Regex { get; }

    /// <summary>The function called as <c>(handler matches body params)</c>.</summary>
    public Value Handler { get; }

    /// <summary>The groups of a match, or nil for a pattern without groups (the reference's convention).</summary>
    public static Value Groups(Match match)
    {
        if (match.Groups.Count <= 1)
            return Value.Nil;
        var groups = new string[match.Groups.Count - 1];
        for (var i = 1; i < match.Groups.Count; i++)
            groups[i - 1] = match.Groups[i].Value;
        return Args.StringList(groups);
    }
}
