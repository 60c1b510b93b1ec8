using Ark.Tests.Builtins;
using Ark.Vm.Modules;
using Ark.Vm.Values;

namespace Ark.Tests.Modules;

/// <summary>A module registered the way the loader registers it, with its functions callable by full name.</summary>
internal sealed class LoadedModule
{
    private readonly Dictionary<string, Value> _bindings;

    public LoadedModule(IArkModule module)
    {
        var builder = new ModuleBuilder(module.Name);
        module.Register(builder);
        _bindings = builder.Bindings.ToDictionary(b => b.Name, b => b.Value);
    }

    /// <summary>The captured host and context the functions run with.</summary>
    public Harness Harness { get; } = new();

    /// <summary>The names the module binds, in registration order.</summary>
    public IEnumerable<string> Names => _bindings.Keys;

    public NativeFunction Function(string name) => (NativeFunction)_bindings[name].Obj!;

    public Value Call(string name, params Value[] args) => Function(name).Function(args, Harness.Context);
}
