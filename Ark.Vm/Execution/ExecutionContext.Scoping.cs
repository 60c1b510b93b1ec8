using System.Runtime.CompilerServices;
using Ark.Vm.Errors;
using Ark.Vm.Values;

namespace Ark.Vm.Execution;

/// <summary>
/// Name lookup at run time. ArkScript resolves a function's free variables through the scopes
/// active at the call, innermost first, then the globals. A per-symbol count of the live
/// frames that bind a name visibly lets the common case (a global) skip the walk.
/// </summary>
public sealed partial class ExecutionContext
{
    /// <summary>
    /// The storage of the nearest binding of <paramref name="symbol"/>, or a null ref. With
    /// <paramref name="onlyVisible"/>, only the locals some code reads as free variables are
    /// searched (valid for such symbols); otherwise every local is.
    /// </summary>
    private ref Value FindBinding(int symbol, bool onlyVisible, bool forWrite = false)
    {
        if (!onlyVisible || _dynamicBindings[symbol] > 0)
        {
            for (var f = _frameCount - 1; f >= 1; f--)
            {
                ref var frame = ref _frames[f];
                var proto = frame.Proto;
                var slotSymbols = proto.SlotSymbols;
                if (onlyVisible)
                {
                    foreach (var slot in proto.DynamicSlots)
                    {
                        if (slotSymbols[slot] == symbol && !_stack[frame.Fp + slot].IsUnbound)
                            return ref _stack[frame.Fp + slot];
                    }
                }
                else
                {
                    for (var slot = 0; slot < slotSymbols.Length; slot++)
                    {
                        if (slotSymbols[slot] == symbol && !_stack[frame.Fp + slot].IsUnbound)
                            return ref _stack[frame.Fp + slot];
                    }
                }
                if (frame.Env is { } frameEnv)
                {
                    var env = Readable(frameEnv);
                    var index = env.IndexOf(symbol);
                    if (index >= 0 && !env.Values[index].IsUnbound)
                    {
                        if (forWrite)
                            frame.Env = env = Writable(env);
                        return ref env.Values[index];
                    }
                }
            }
        }
        if (_inherited is not null)
        {
            var index = _inherited.IndexOf(symbol);
            if (index >= 0 && !_inherited.Values[index].IsUnbound)
                return ref _inherited.Values[index];
        }
        if (forWrite && !_globals[symbol].IsUnbound)
            PrepareGlobalWrite(symbol);
        ref var global = ref _globals[symbol];
        if (!global.IsUnbound)
            return ref global;
        return ref Unsafe.NullRef<Value>();
    }

    private Value LoadDynamic(int symbol, bool onlyVisible)
    {
        ref var binding = ref FindBinding(symbol, onlyVisible);
        if (Unsafe.IsNullRef(ref binding))
            throw Error(ErrorKind.Scope, $"Unbound variable `{SymbolName(symbol)}'");
        return binding;
    }

    private void SetDynamic(int symbol, Value value, bool onlyVisible)
    {
        ref var binding = ref FindBinding(symbol, onlyVisible, forWrite: true);
        if (Unsafe.IsNullRef(ref binding))
            throw Error(ErrorKind.Scope, $"Unbound variable `{SymbolName(symbol)}', can not change its value to {ValueFormatter.Format(value)}");
        value.MarkShared();
        binding = value;
    }

    private void DeleteDynamic(int symbol)
    {
        ref var binding = ref FindBinding(symbol, false, forWrite: true);
        if (Unsafe.IsNullRef(ref binding))
            throw Error(ErrorKind.Scope, $"Can not delete unbound variable `{SymbolName(symbol)}'");
        binding = Value.Undefined;
    }

    /// <summary>Reads a variable to capture it: only the current scope is searched, as in the reference.</summary>
    private Value CaptureValue(int symbol)
    {
        if (_frameCount > 1)
        {
            ref var frame = ref _frames[_frameCount - 1];
            var slotSymbols = frame.Proto.SlotSymbols;
            for (var slot = 0; slot < slotSymbols.Length; slot++)
            {
                if (slotSymbols[slot] == symbol && !_stack[frame.Fp + slot].IsUnbound)
                    return _stack[frame.Fp + slot];
            }
            if (frame.Env is { } frameEnv)
            {
                var env = Readable(frameEnv);
                var index = env.IndexOf(symbol);
                if (index >= 0 && !env.Values[index].IsUnbound)
                    return env.Values[index];
            }
        }
        else if (!_globals[symbol].IsUnbound)
            return _globals[symbol];
        throw Error(ErrorKind.Scope, $"Couldn't capture `{SymbolName(symbol)}' as it is currently unbound");
    }

    /// <summary>The storage an in-place list operation modifies.</summary>
    private ref Value VariableRef(int varRef, int fp)
    {
        var index = Bytecode.VarRef.Index(varRef);
        switch (Bytecode.VarRef.Kind(varRef))
        {
            case Bytecode.VarRefKind.Local:
                ref var local = ref _stack[fp + index];
                if (!local.IsUnbound)
                    return ref local;
                return ref BindingOrThrow(_frames[_frameCount - 1].Proto.SlotSymbols[index], false);
            case Bytecode.VarRefKind.Env:
                ref var frame = ref _frames[_frameCount - 1];
                frame.Env = Writable(frame.Env!);
                return ref frame.Env.Values[index];
            case Bytecode.VarRefKind.Global:
                if (!_globals[index].IsUnbound)
                {
                    PrepareGlobalWrite(index);
                    return ref _globals[index];
                }
                return ref BindingOrThrow(index, false);
            default:
                return ref BindingOrThrow(index, true);
        }
    }

    private ref Value BindingOrThrow(int symbol, bool onlyVisible)
    {
        ref var binding = ref FindBinding(symbol, onlyVisible, forWrite: true);
        if (Unsafe.IsNullRef(ref binding))
            throw Error(ErrorKind.Scope, $"Unbound variable `{SymbolName(symbol)}'");
        return ref binding;
    }

    private void BindVisibleNames(FunctionProto proto, ClosureEnv? env, int delta)
    {
        if (ReferenceEquals(_dynamicBindings, _program.NoBindings))
            _dynamicBindings = new int[_dynamicBindings.Length];
        var slotSymbols = proto.SlotSymbols;
        foreach (var slot in proto.DynamicSlots)
            _dynamicBindings[slotSymbols[slot]] += delta;
        if (env is not null)
        {
            var dynamic = _program.DynamicSymbols;
            foreach (var symbol in env.Symbols)
            {
                if (dynamic[symbol])
                    _dynamicBindings[symbol] += delta;
            }
        }
    }

    internal string SymbolName(int symbol) => symbol >= 0 && symbol < _program.Symbols.Length ? _program.Symbols[symbol] : "???";
}
