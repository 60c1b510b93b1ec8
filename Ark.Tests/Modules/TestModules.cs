using Ark.Vm.Modules;
using Ark.Vm.Values;

namespace Ark.Tests.Modules;

// Modules for the loader tests. A test copies this assembly as NAME.dll into a temporary folder;
// the loader then finds the class below whose Name is NAME (and creates all of them to ask).

/// <summary>A working module: a bare-name function, a callback, a constant list, and a count of registrations.</summary>
public sealed class GreeterModule : IArkModule
{
    // static: the copy loaded from one temporary file counts the registrations of every run
    // that imports it (each test uses its own file)
    private static int _registrations;

    public string Name => "greeter";

    public void Register(ModuleBuilder module) => module
        .Function("", (args, _) => Value.String(args.Length == 1 ? $"hello {args[0]}" : "hello"))
        .Function("twice", (args, context) => context.Call(args[0], [context.Call(args[0], [args[1]])]))
        .Constant("numbers", new Value(ArkList.From([new Value(1), new Value(2), new Value(3)])))
        .Constant("registrations", new Value(Interlocked.Increment(ref _registrations)))
        .Function("boom", (_, _) => throw new InvalidOperationException("bad state"));
}

/// <summary>Fails while registering.</summary>
public sealed class ThrowingModule : IArkModule
{
    public string Name => "throwing";

    public void Register(ModuleBuilder module) => throw new InvalidOperationException("the module is broken");
}

/// <summary>Binds one name twice, which the builder refuses.</summary>
public sealed class DuplicateModule : IArkModule
{
    public string Name => "duplicate";

    public void Register(ModuleBuilder module) => module.Constant("x", Value.Nil).Constant("x", Value.True);
}

/// <summary>First of two classes with the same module name.</summary>
public sealed class TwinOneModule : IArkModule
{
    public string Name => "twins";

    public void Register(ModuleBuilder module) { }
}

/// <summary>Second of two classes with the same module name.</summary>
public sealed class TwinTwoModule : IArkModule
{
    public string Name => "twins";

    public void Register(ModuleBuilder module) { }
}

/// <summary>Can't be created.</summary>
public sealed class BrokenConstructorModule : IArkModule
{
    public BrokenConstructorModule() => throw new InvalidOperationException("no resources");

    public string Name => "broken";

    public void Register(ModuleBuilder module) { }
}
