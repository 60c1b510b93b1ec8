using Ark.Vm.Values;

namespace Ark.Vm.Modules;

/// <summary>A module value and the program symbol whose global it becomes.</summary>
internal readonly record struct ModuleBinding(int Symbol, Value Value);
