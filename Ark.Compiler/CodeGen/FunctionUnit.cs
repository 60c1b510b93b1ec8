using Ark.Vm.Values;

namespace Ark.Compiler.CodeGen;

/// <summary>A function being generated: its names, its code and the proto it will become.</summary>
internal sealed class FunctionUnit(FunctionScope scope, FunctionProto proto)
{
    public FunctionScope Scope { get; } = scope;

    public FunctionProto Proto { get; } = proto;

    public CodeBuffer Code { get; } = new();
}
