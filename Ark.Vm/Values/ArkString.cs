using System.Runtime.CompilerServices;
using System.Text;

namespace Ark.Vm.Values;

/// <summary>
/// An immutable ArkScript string, stored as UTF-8 bytes: <c>len</c>, <c>@</c> and <c>head</c>
/// work on bytes in O(1), as in the reference interpreter, and output is written without
/// transcoding.
/// </summary>
public sealed class ArkString : ArkObject, IEquatable<ArkString>
{
    /// <summary>The empty string.</summary>
    public static readonly ArkString Empty = new([]);

    private static readonly ArkString[] SingleBytes = CreateSingleBytes();

    private readonly byte[] _bytes;
    private int _hash;
    private string? _text;

    private ArkString(byte[] bytes) : base(ValueKind.String) => _bytes = bytes;

    /// <summary>Wraps UTF-8 bytes; the array must not be modified afterwards.</summary>
    public static ArkString FromBytes(byte[] bytes) => bytes.Length == 0 ? Empty : new ArkString(bytes);

    /// <summary>Creates a string from a copy of the given UTF-8 bytes.</summary>
    public static ArkString FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1)
            return SingleBytes[bytes[0]];
        return bytes.Length == 0 ? Empty : new ArkString(bytes.ToArray());
    }

    /// <summary>Encodes .NET text as UTF-8.</summary>
    public static ArkString From(string text)
    {
        if (text.Length == 0)
            return Empty;
        return new ArkString(Encoding.UTF8.GetBytes(text)) { _text = text };
    }

    /// <summary>The one-byte string holding <paramref name="b"/>.</summary>
    public static ArkString OfByte(byte b) => SingleBytes[b];

    /// <summary>The number of bytes.</summary>
    public int Length
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _bytes.Length;
    }

    /// <summary>The UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The byte at <paramref name="index"/>.</summary>
    public byte this[int index] => _bytes[index];

    /// <summary>Concatenates two strings.</summary>
    public static ArkString Concat(ArkString a, ArkString b)
    {
        if (a.Length == 0)
            return b;
        if (b.Length == 0)
            return a;
        var bytes = new byte[a.Length + b.Length];
        a._bytes.CopyTo(bytes, 0);
        b._bytes.CopyTo(bytes, a.Length);
        return new ArkString(bytes);
    }

    /// <summary>Byte-wise comparison, as std::string compares in the reference.</summary>
    public static int CompareOrdinal(ArkString a, ArkString b) => a.Bytes.SequenceCompareTo(b.Bytes);

    /// <inheritdoc />
    public bool Equals(ArkString? other) =>
        other is not null && (ReferenceEquals(this, other) || (GetHashCode() == other.GetHashCode() && Bytes.SequenceEqual(other.Bytes)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ArkString s && Equals(s);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = _hash;
        if (h == 0)
        {
            var hc = new HashCode();
            hc.AddBytes(_bytes);
            h = hc.ToHashCode() | 1;
            _hash = h;
        }
        return h;
    }

    /// <summary>Decodes the bytes as UTF-8 text (invalid sequences become U+FFFD).</summary>
    public override string ToString() => _text ??= Encoding.UTF8.GetString(_bytes);

    private static ArkString[] CreateSingleBytes()
    {
        var table = new ArkString[256];
        for (var i = 0; i < 256; i++)
            table[i] = new ArkString([(byte)i]);
        return table;
    }
}
