namespace Ark.Tests.ScriptRunner;

/// <summary>
/// One script test: <c>name.ark</c> with its full expected standard output in
/// <c>name.expected</c> and, when the program must fail, its exit code in <c>name.exitcode</c>.
/// </summary>
public sealed record ScriptCase(string Path)
{
    /// <summary>The folder holding every script test, copied next to the test assembly.</summary>
    public static string Root => System.IO.Path.Combine(AppContext.BaseDirectory, "Scripts");

    public string Name => System.IO.Path.GetRelativePath(Root, Path);

    public string ExpectedOutput => File.ReadAllText(System.IO.Path.ChangeExtension(Path, ".expected"));

    public int ExpectedExitCode
    {
        get
        {
            var file = System.IO.Path.ChangeExtension(Path, ".exitcode");
            return File.Exists(file) ? int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
    }

    /// <summary>Every script under <see cref="Root"/> that has an expected output.</summary>
    public static IEnumerable<ScriptCase> All() =>
        Directory.EnumerateFiles(Root, "*.ark", SearchOption.AllDirectories)
            .Where(p => File.Exists(System.IO.Path.ChangeExtension(p, ".expected")))
            .Order(StringComparer.Ordinal)
            .Select(p => new ScriptCase(p));

    public override string ToString() => Name;
}
