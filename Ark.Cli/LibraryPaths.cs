namespace Ark.Cli;

/// <summary>
/// Where imports are looked up: <c>-L</c> when given, else <c>ARKSCRIPT_PATH</c>; both take
/// several folders separated by ';'. The <c>lib</c> folder shipped next to the binary always
/// comes last, so the standard library is found without any flag.
/// </summary>
internal static class LibraryPaths
{
    public static IReadOnlyList<string> Resolve(string? libDir)
    {
        var paths = new List<string>();
        var configured = libDir ?? Environment.GetEnvironmentVariable("ARKSCRIPT_PATH");
        if (!string.IsNullOrEmpty(configured))
            paths.AddRange(configured.Split(';', StringSplitOptions.RemoveEmptyEntries));
        var shipped = Path.Combine(AppContext.BaseDirectory, "lib");
        if (Directory.Exists(shipped) && !paths.Contains(shipped))
            paths.Add(shipped);
        return paths;
    }
}
