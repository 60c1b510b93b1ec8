namespace Ark.Vm.Builtins;

/// <summary>
/// The reference's own UTF-8 helpers, behind <c>str:ord</c> and <c>str:chr</c>, reproduced with
/// their quirks: <c>ord</c> gives the code point of the last character of a valid string (0 for
/// an invalid one), and <c>chr</c> builds some two- and three-byte sequences with different bits
/// than standard UTF-8 (e.g. 212 gives the bytes 0x83 0x94).
/// </summary>
internal static class Utf8Codec
{
    /// <summary>The code point of the last character of <paramref name="s"/> (up to its first NUL byte), or 0 when invalid.</summary>
    public static int Ord(ReadOnlySpan<byte> s)
    {
        var nul = s.IndexOf((byte)0);
        if (nul >= 0)
            s = s[..nul];
        if (!IsValid(s))
            return 0;
        var cp = 0;
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            if ((b & 0xf8) == 0xf0)
            {
                cp = ((b & 0x07) << 18) | ((At(s, i + 1) & 0x3f) << 12) | ((At(s, i + 2) & 0x3f) << 6) | (At(s, i + 3) & 0x3f);
                i += 4;
            }
            else if ((b & 0xf0) == 0xe0)
            {
                cp = ((b & 0x0f) << 12) | ((At(s, i + 1) & 0x3f) << 6) | (At(s, i + 2) & 0x3f);
                i += 3;
            }
            else if ((b & 0xe0) == 0xc0)
            {
                cp = ((b & 0x1f) << 6) | (At(s, i + 1) & 0x3f);
                i += 2;
            }
            else
            {
                cp = b;
                i++;
            }
        }
        return cp;
    }

    /// <summary>The bytes the reference produces for <paramref name="cp"/>; empty when out of range or 0.</summary>
    public static byte[] Chr(int cp)
    {
        byte[] bytes;
        if (cp >= 0 && cp <= 0x7f)
            bytes = [(byte)cp];
        else if (cp > 0x7f && cp <= 0x7ff)
        {
            var b0 = 0x80;
            if (cp > 0xff)
                b0 |= (cp >> 6) & 0xff;
            b0 |= (cp & 0xc0) >> 6;
            bytes = [(byte)b0, (byte)(0x80 | (cp & 0x3f))];
        }
        else if (cp > 0x7ff && cp <= 0xffff)
        {
            var b0 = 0xe0;
            if (cp > 0xfff)
                b0 |= (cp & 0xf000) >> 12;
            bytes = [(byte)b0, (byte)(0x80 | ((cp & 0xf00) >> 6) | ((cp & 0xf0) >> 6)), (byte)(0x80 | (cp & 0x30) | (cp & 0xf))];
        }
        else if (cp > 0xffff && cp <= 0x10ffff)
        {
            var b0 = 0xf0;
            if (cp > 0xfffff)
                b0 |= (cp & 0x100000) >> 18;
            b0 |= (cp & 0xc0000) >> 18;
            bytes =
            [
                (byte)b0,
                (byte)(0x80 | ((cp & 0x30000) >> 12) | ((cp & 0xf000) >> 12)),
                (byte)(0x80 | ((cp & 0xf00) >> 6) | ((cp & 0xc0) >> 6)),
                (byte)(0x80 | (cp & 0x30) | (cp & 0xf)),
            ];
        }
        else
            return [];
        // the reference returns a C string: it ends at the first NUL byte
        var nul = Array.IndexOf(bytes, (byte)0);
        return nul >= 0 ? bytes[..nul] : bytes;
    }

    private static int At(ReadOnlySpan<byte> s, int i) => i < s.Length ? s[i] : 0;

    private static bool IsContinuation(ReadOnlySpan<byte> s, int i) => (At(s, i) & 0xc0) == 0x80;

    private static bool IsValid(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            if ((b & 0xf8) == 0xf0)
            {
                if (!IsContinuation(s, i + 1) || !IsContinuation(s, i + 2) || !IsContinuation(s, i + 3) || IsContinuation(s, i + 4))
                    return false;
                if ((b & 0x07) == 0 && (At(s, i + 1) & 0x30) == 0)
                    return false;
                i += 4;
            }
            else if ((b & 0xf0) == 0xe0)
            {
                if (!IsContinuation(s, i + 1) || !IsContinuation(s, i + 2) || IsContinuation(s, i + 3))
                    return false;
                if ((b & 0x0f) == 0 && (At(s, i + 1) & 0x20) == 0)
                    return false;
                i += 3;
            }
            else if ((b & 0xe0) == 0xc0)
            {
                if (!IsContinuation(s, i + 1) || IsContinuation(s, i + 2))
                    return false;
                if ((b & 0x1e) == 0)
                    return false;
                i += 2;
            }
            else if ((b & 0x80) == 0)
                i++;
            else
                return false;
        }
        return true;
    }
}
