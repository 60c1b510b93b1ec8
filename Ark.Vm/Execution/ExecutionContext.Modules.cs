using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// <c>(import NAME)</c> of a native module. The compiler turns the module's names into ordinary
/// global symbols (read with LoadGlobal at the top level and LoadDyn in functions), so binding
/// a module is writing its values into this context's globals: the main context's bindings are
/// seen by the futures it starts afterwards, and a future that imports binds in its own copy.
/// </summary>
public sealed partial class ExecutionContext
{
    private void BindModule(int pathConstant)
    {
        var packagePath = ((ArkString)_program.Constants[pathConstant].Obj!).ToString();
        foreach (var (symbol, value) in Vm.Modules.Load(packagePath))
        {
            PrepareGlobalWrite(symbol);
            _globals[symbol] = value;
        }
    }
}
