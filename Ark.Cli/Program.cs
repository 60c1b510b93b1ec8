using System.Text;
using Ark.Cli;

var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
var command = new ArkCommand(stdout, Console.Error, stdin)
{
    Colorize = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NOCOLOR") is null,
    Interactive = !Console.IsOutputRedirected,
};
var code = command.Run(args);
stdout.Flush();
return code;
