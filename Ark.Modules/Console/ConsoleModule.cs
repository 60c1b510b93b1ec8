using System.Collections.Frozen;
using System.Text;
using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Console;

/// <summary>
/// <c>(import console)</c>: terminal colours and clearing, with ANSI escape sequences written to
/// the program's output in order with what it prints. As in the reference, <c>console:color</c>
/// writes nothing when the output is not a colour terminal (piped, redirected, or NOCOLOR set:
/// <see cref="Ark.Vm.Execution.ArkHost.ColorOutput"/>), while <c>console:clear</c> always writes its
/// sequence. The functions keep no state.
/// </summary>
public sealed class ConsoleModule : IArkModule
{
    // the reference's colour names and the codes its terminal library writes for them
    private static readonly FrozenDictionary<string, byte[]> Codes = new Dictionary<string, string>
    {
        ["reset"] = "00",
        ["bold"] = "1",
        ["dark"] = "2",
        ["underline"] = "4",
        ["blink"] = "5",
        ["reverse"] = "7",
        ["concealed"] = "8",
        ["grey"] = "30",
        ["red"] = "31",
        ["green"] = "32",
        ["yellow"] = "33",
        ["blue"] = "34",
        ["magenta"] = "35",
        ["cyan"] = "36",
        ["white"] = "37",
        ["on_grey"] = "40",
        ["on_red"] = "41",
        ["on_green"] = "42",
        ["on_yellow"] = "43",
        ["on_blue"] = "44",
        ["on_magenta"] = "45",
        ["on_cyan"] = "46",
        ["on_white"] = "47",
    }.ToFrozenDictionary(p => p.Key, p => Encoding.ASCII.GetBytes($"\x1b[{p.Value}m"), StringComparer.Ordinal);

    // erase the whole screen, then put the cursor at the top left
    private static readonly byte[] ClearScreen = "\x1b[2J\x1b[H"u8.ToArray();

    private static readonly Contract ColorContract = new(new Param("color_name", ValueKind.String));

    /// <inheritdoc />
    public string Name => "console";

    /// <inheritdoc />
    public void Register(ModuleBuilder module) => module
        .Function("clear", Clear)
        .Function("color", Color);

    /// <summary><c>(console:clear)</c>: clears the terminal.</summary>
    private static Value Clear(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 0)
            throw TypeCheck.Error("console:clear", args, new Contract());
        context.Host.Write(ClearScreen);
        return Value.Nil;
    }

    /// <summary><c>(console:color name)</c>: switches the colour or style of what is printed next.</summary>
    private static Value Color(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 1 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error("console:color", args, ColorContract);
        var name = args[0].AsString.ToString();
        if (!Codes.TryGetValue(name, out var code))
            throw new ArkException(ErrorKind.Runtime, $"Couldn't identify argument given to console:color: '{name}'");
        if (context.Host.ColorOutput)
            context.Host.Write(code);
        return Value.Nil;
    }
}
