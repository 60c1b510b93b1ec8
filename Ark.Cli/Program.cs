using System.Text;
using Ark.Cli;

// Nothing here touches System.Console unless it is needed: setting the console up costs more
// than the rest of ark's start-up.
var stderr = new DeferredWriter(() => Console.Error);
var output = new StandardOutputStream(StandardOutputStream.OpenFile(), stderr);
var stdout = new BufferedStream(output, 1 << 16);
var stdin = new DeferredReader(() => new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false)));
var terminal = Libc.IsTerminal(1);
var command = new ArkCommand(stdout, stderr, stdin)
{
    Colorize = terminal && Environment.GetEnvironmentVariable("NOCOLOR") is null,
    Interactive = terminal,
};
var code = command.Run(args);
stdout.Flush();
return output.WriteFailed && code == 0 ? ArkCommand.RuntimeErrorExit : code;
