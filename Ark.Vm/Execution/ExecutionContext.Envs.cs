using System.Runtime.CompilerServices;
using Ark.Vm.Concurrency;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// Which version of a closure environment this context reads and writes. Environments this
/// context made in its current epoch are changed in place; any other is frozen and a write
/// to it goes to a private copy that this context uses from then on (see <see cref="ClosureEnv"/>).
/// </summary>
public sealed partial class ExecutionContext
{
    private int _epoch;
    private EnvVersions? _envVersions;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Owns(ClosureEnv env) => ReferenceEquals(env.Owner, this) && env.Epoch == _epoch;

    /// <summary>The version of <paramref name="env"/> this context sees.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ClosureEnv Readable(ClosureEnv env) => Owns(env) || _envVersions is null ? env : _envVersions.Latest(env);

    /// <summary>The version of <paramref name="env"/> this context may change in place, copying it if needed.</summary>
    internal ClosureEnv Writable(ClosureEnv env)
    {
        if (Owns(env))
            return env;
        var latest = Readable(env);
        if (Owns(latest))
            return latest;
        var copy = latest.CopyFor(this, _epoch);
        foreach (var value in copy.Values)
            value.MarkShared();
        if (_envVersions is null || _envVersions.Frozen)
            _envVersions = new EnvVersions(_envVersions);
        _envVersions.Replace(latest, copy);
        return copy;
    }

    /// <summary>Makes <paramref name="env"/> this context's own: it was just created here.</summary>
    private void Adopt(ClosureEnv env)
    {
        env.Owner = this;
        env.Epoch = _epoch;
    }
}
