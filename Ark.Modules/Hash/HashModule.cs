using System.Security.Cryptography;
using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Hash;

/// <summary>
/// <c>(import hash)</c>: message digests of strings, <c>hash:sha256</c> and <c>hash:md5</c>. Both
/// hash the string's UTF-8 bytes as they are and return the digest as lowercase hexadecimal.
/// </summary>
public sealed class HashModule : IArkModule
{
    private static readonly Contract Data = new(new Param("data", ValueKind.String));

    /// <inheritdoc />
    public string Name => "hash";

    /// <inheritdoc />
    public void Register(ModuleBuilder module) => module
        .Function("sha256", Sha256)
        .Function("md5", Md5);

    /// <summary><c>(hash:sha256 data)</c>: the SHA-256 digest of the string, 64 lowercase hex digits.</summary>
    public static Value Sha256(ReadOnlySpan<Value> args, ExecutionContext context) =>
        Hex(SHA256.HashData(Input("hash:sha256", args)));

    /// <summary><c>(hash:md5 data)</c>: the MD5 digest of the string, 32 lowercase hex digits.</summary>
    public static Value Md5(ReadOnlySpan<Value> args, ExecutionContext context) =>
        Hex(MD5.HashData(Input("hash:md5", args)));

    private static ReadOnlySpan<byte> Input(string function, ReadOnlySpan<Value> args)
    {
        if (args.Length != 1 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error(function, args, Data);
        return args[0].AsString.Bytes;
    }

    private static Value Hex(byte[] digest) => Value.String(Convert.ToHexStringLower(digest));
}
