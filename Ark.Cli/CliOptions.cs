namespace Ark.Cli;

/// <summary>What the command line asked for.</summary>
internal enum CliMode
{
    Run,
    Eval,
    Compile,
    Help,
    Version,
}

/// <summary>The parsed command line of <c>ark</c>.</summary>
internal sealed record CliOptions(CliMode Mode, string? File, string? Expression, IReadOnlyList<string> ScriptArgs, string? LibDir, string? Output = null)
{
    /// <summary>
    /// Parses <paramref name="args"/>. Options come before the script; everything after the
    /// script's path belongs to the script. Returns an error message for a bad command line.
    /// </summary>
    public static (CliOptions? Options, string? Error) Parse(string[] args)
    {
        string? libDir = null;
        string? expression = null;
        var mode = CliMode.Run;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h":
                case "--help":
                    return (new CliOptions(CliMode.Help, null, null, [], libDir), null);
                case "-v":
                case "--version":
                    return (new CliOptions(CliMode.Version, null, null, [], libDir), null);
                case "-L":
                case "--lib":
                    if (i + 1 >= args.Length)
                        return (null, $"'{arg}' needs a directory");
                    libDir = args[++i];
                    break;
                case "-c":
                case "--compile":
                    if (i + 1 >= args.Length)
                        return (null, $"'{arg}' needs a file");
                    var file = args[++i];
                    string? output = null;
                    for (var j = i + 1; j < args.Length; j++)
                    {
                        if (args[j] is "-o" or "--output" && j + 1 < args.Length)
                            output = args[++j];
                        else if (args[j] is "-L" or "--lib" && j + 1 < args.Length)
                            libDir = args[++j];
                        else
                            return (null, $"'{args[j]}' isn't a valid argument");
                    }
                    return (new CliOptions(CliMode.Compile, file, null, [], libDir, output), null);
                case "-e":
                case "--eval":
                    if (i + 1 >= args.Length)
                        return (null, $"'{arg}' needs an expression");
                    expression = args[++i];
                    mode = CliMode.Eval;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                        return (null, $"'{arg}' isn't a valid argument");
                    if (mode == CliMode.Eval)
                        return (null, $"'{arg}' isn't a valid argument");
                    return (new CliOptions(CliMode.Run, arg, null, args[(i + 1)..], libDir), null);
            }
        }
        if (mode == CliMode.Eval)
            return (new CliOptions(CliMode.Eval, null, expression, [], libDir), null);
        return (new CliOptions(CliMode.Help, null, null, [], libDir), null);
    }
}
