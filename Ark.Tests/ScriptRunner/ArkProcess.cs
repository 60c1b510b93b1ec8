using System.Text;
using Ark.Cli;

namespace Ark.Tests.ScriptRunner;

/// <summary>Runs the <c>ark</c> command in-process and captures what it prints.</summary>
public static class ArkProcess
{
    private static readonly object WorkingDirectoryLock = new();

    /// <summary>
    /// Runs <c>ark</c> with <paramref name="args"/> from <paramref name="workingDirectory"/>
    /// (scripts use relative paths) with <paramref name="stdin"/> as standard input.
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, string stdin, params string[] args)
    {
        lock (WorkingDirectoryLock)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = workingDirectory;
            try
            {
                var stdout = new MemoryStream();
                var stderr = new StringWriter();
                var command = new ArkCommand(stdout, stderr, new StringReader(stdin));
                var code = command.Run(args);
                return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
