using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;

namespace Ark.Tests.Modules;

/// <summary>
/// The two examples of the README's "Functions that wait", as a module named like the README's:
/// <see cref="ReadmeWaitingExamplesTests"/> loads it as mymodule.dll and runs both, and checks
/// that the README still shows exactly this code.
/// </summary>
public sealed class ReadmeWaitingModule : IArkModule
{
    public string Name => "mymodule";

    public void Register(ModuleBuilder module)
    {
        // mirrors the README's AsyncFunction example: keep the two the same, line for line
        module.AsyncFunction("lineCount", async (args, context) =>
        {
            if (args.Length != 1 || args[0].Kind != ValueKind.String)
                throw TypeCheck.Error("mymodule:lineCount", args, new Contract(new Param("path", ValueKind.String)));
            var lines = await File.ReadAllLinesAsync(args[0].AsString.ToString());
            return new Value(lines.Length);
        });

        // mirrors the README's blocking example: keep the two the same, line for line
        module.Function("fileCount", (args, context) =>
        {
            if (args.Length != 1 || args[0].Kind != ValueKind.String)
                throw TypeCheck.Error("mymodule:fileCount", args, new Contract(new Param("folder", ValueKind.String)));
            // .NET has no asynchronous way to walk a folder
            var files = Directory.EnumerateFiles(args[0].AsString.ToString(), "*", SearchOption.AllDirectories);
            return new Value(files.Count());
        }, blocking: true);
    }
}
