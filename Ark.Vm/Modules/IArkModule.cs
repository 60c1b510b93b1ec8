namespace Ark.Vm.Modules;

/// <summary>
/// A native module: a set of functions and constants that a script loads with
/// <c>(import NAME)</c>. Implement it in a class library that references Ark.Vm, give the class
/// a public parameterless constructor, and name the assembly after the module.
/// </summary>
/// <remarks>
/// Thread safety: one instance serves every execution context of a run, and its functions may
/// be called from several contexts at the same time. Keep per-call state in locals, or guard
/// shared state yourself. In the GIL flavour a function registered as blocking runs without the
/// global lock, so it must not touch shared module state without its own lock, and should not
/// call back into ArkScript (the callback would run outside the lock too).
/// Loading: <c>(import NAME)</c> loads <c>NAME.dll</c> (see <see cref="ModuleFiles"/>) into its
/// own load context, creates every public class of the assembly implementing this interface to
/// find the one whose <see cref="Name"/> is NAME, and calls its <see cref="Register"/> once per run.
/// </remarks>
public interface IArkModule
{
    /// <summary>The name scripts import, and the prefix of every name it registers (<c>console</c>).</summary>
    string Name { get; }

    /// <summary>Registers the module's functions and constants. Called once per run, at the first import.</summary>
    /// <param name="module">Collects the names this module binds.</param>
    void Register(ModuleBuilder module);
}
