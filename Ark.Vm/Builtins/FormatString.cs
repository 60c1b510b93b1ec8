using System.Buffers;
using System.Text;

namespace Ark.Vm.Builtins;

/// <summary>One argument of <c>str:format</c>: a number, or text (UTF-8) when <see cref="Text"/> is set.</summary>
internal readonly record struct FormatArg(double Number, byte[]? Text);

/// <summary>A format string error, worded as the {fmt} library words it.</summary>
internal sealed class FormatStringException(string message) : Exception(message);

/// <summary>The parsed options of one replacement field (<c>{:fill align sign # 0 width .precision type}</c>).</summary>
internal struct FormatSpec
{
    public byte[] Fill;
    public char Align; // '\0' none, '<', '>', '^', '=' (numeric, from the 0 flag)
    public char Sign;  // '\0' none, '+', '-', ' '
    public bool Alt;
    public int Width;
    public int Precision; // -1 when absent
    public char Type;     // '\0' when absent

    public static FormatSpec Default => new() { Fill = [(byte)' '], Precision = -1 };
}

/// <summary>
/// Formats with the replacement-field syntax of the {fmt} library (version 10) that the reference
/// uses for <c>str:format</c>, including its error messages. Arguments are only numbers and text.
/// </summary>
internal static class FormatString
{
    private enum State { Start, Align, Sign, Hash, Zero, Width, Precision, Locale }

    /// <summary>Formats <paramref name="format"/> with <paramref name="args"/>; throws <see cref="FormatStringException"/>.</summary>
    public static byte[] Format(ReadOnlySpan<byte> format, FormatArg[] args)
    {
        var parser = new Parser(format, args);
        parser.Run();
        return parser.Output.WrittenSpan.ToArray();
    }

    private static FormatStringException Error(string message) => new(message);

    private ref struct Parser(ReadOnlySpan<byte> f, FormatArg[] args)
    {
        private readonly ReadOnlySpan<byte> _f = f;
        private int _nextArg;

        public readonly ArrayBufferWriter<byte> Output = new();

        public void Run()
        {
            var start = 0;
            var p = 0;
            while (p < _f.Length)
            {
                var c = _f[p++];
                if (c == '{')
                {
                    Output.Write(_f[start..(p - 1)]);
                    p = ReplacementField(p - 1);
                    start = p;
                }
                else if (c == '}')
                {
                    if (p == _f.Length || _f[p] != '}')
                        throw Error("unmatched '}' in format string");
                    Output.Write(_f[start..p]);
                    start = ++p;
                }
            }
            Output.Write(_f[start..]);
        }

        private int NextAuto()
        {
            if (_nextArg < 0)
                throw Error("cannot switch from manual to automatic argument indexing");
            return _nextArg++;
        }

        private int Manual(int id)
        {
            if (_nextArg > 0)
                throw Error("cannot switch from automatic to manual argument indexing");
            _nextArg = -1;
            return id;
        }

        private readonly FormatArg Get(int id) => id >= 0 && id < args.Length ? args[id] : throw Error("argument not found");

        private static bool IsNameStart(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_';

        private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

        // Parses a non-negative integer; returns errorValue when it does not fit an int.
        private readonly int ParseInt(ref int p, int errorValue)
        {
            long value = 0;
            var digits = 0;
            while (p < _f.Length && IsDigit(_f[p]))
            {
                if (value <= int.MaxValue)
                    value = value * 10 + (_f[p] - '0');
                p++;
                digits++;
            }
            return value > int.MaxValue ? errorValue : (int)value;
        }

        // Parses an argument id at p (not '}' or ':'): returns the index, or -2 for a name.
        private readonly int ParseArgId(ref int p)
        {
            var c = _f[p];
            if (IsDigit(c))
            {
                var index = 0;
                if (c != '0')
                    index = ParseInt(ref p, int.MaxValue);
                else
                    p++;
                if (p == _f.Length || (_f[p] != '}' && _f[p] != ':'))
                    throw Error("invalid format string");
                return index;
            }
            if (!IsNameStart(c))
                throw Error("invalid format string");
            do
                p++;
            while (p < _f.Length && (IsNameStart(_f[p]) || IsDigit(_f[p])));
            return -2;
        }

        private int ReplacementField(int p)
        {
            p++;
            if (p == _f.Length)
                throw Error("invalid format string");
            if (_f[p] == '}')
            {
                Write(Get(NextAuto()), FormatSpec.Default);
                return p + 1;
            }
            if (_f[p] == '{')
            {
                Output.Write("{"u8);
                return p + 1;
            }
            int id;
            if (_f[p] == ':')
                id = NextAuto();
            else
            {
                id = ParseArgId(ref p);
                if (id == -2)
                    throw Error("argument not found"); // no named arguments exist
                id = Manual(id);
            }
            var c = p < _f.Length ? _f[p] : (byte)0;
            if (c == '}')
            {
                Write(Get(id), FormatSpec.Default);
                return p + 1;
            }
            if (c != ':')
                throw Error("missing '}' in format string");
            var arg = Get(id);
            var spec = FormatSpec.Default;
            var widthRef = int.MinValue;
            var precisionRef = int.MinValue;
            p = ParseSpecs(p + 1, arg.Text is null, ref spec, ref widthRef, ref precisionRef);
            if (widthRef != int.MinValue)
            {
                Get(widthRef);
                throw Error("width is not integer"); // every argument is a double or a string
            }
            if (precisionRef != int.MinValue)
            {
                Get(precisionRef);
                throw Error("precision is not integer");
            }
            if (p == _f.Length || _f[p] != '}')
                throw Error("missing '}' in format string");
            Write(arg, spec);
            return p + 1;
        }

        // Parses [integer | "{" [arg_id] "}"]; a dynamic reference is stored in argRef (-1 for a name).
        private int DynamicSpec(int p, ref int value, ref int argRef)
        {
            if (IsDigit(_f[p]))
            {
                var v = ParseInt(ref p, -1);
                if (v == -1)
                    throw Error("number is too big");
                value = v;
            }
            else if (_f[p] == '{')
            {
                p++;
                if (p < _f.Length)
                {
                    if (_f[p] == '}' || _f[p] == ':')
                        argRef = NextAuto();
                    else
                    {
                        var id = ParseArgId(ref p);
                        argRef = id == -2 ? -1 : Manual(id);
                    }
                }
                if (p < _f.Length && _f[p] == '}')
                    return p + 1;
                throw Error("invalid format string");
            }
            return p;
        }

        private int ParseSpecs(int p, bool numeric, ref FormatSpec spec, ref int widthRef, ref int precisionRef)
        {
            var end = _f.Length;
            byte c;
            if (end - p > 1)
                c = AlignOf(_f[p + 1]) == '\0' ? _f[p] : (byte)0;
            else
            {
                if (p == end)
                    return p;
                c = _f[p];
            }
            var state = State.Start;
            void Enter(State s, bool valid = true)
            {
                if (state >= s || !valid)
                    throw Error("invalid format specifier");
                state = s;
            }
            int Presentation(int at, char type, bool valid, ref FormatSpec sp)
            {
                if (!valid)
                    throw Error("invalid format specifier");
                sp.Type = type;
                return at + 1;
            }
            while (true)
            {
                switch ((char)c)
                {
                    case '<' or '>' or '^':
                        Enter(State.Align);
                        spec.Align = (char)c;
                        p++;
                        break;
                    case '+' or '-' or ' ':
                        Enter(State.Sign, numeric);
                        spec.Sign = (char)c;
                        p++;
                        break;
                    case '#':
                        Enter(State.Hash, numeric);
                        spec.Alt = true;
                        p++;
                        break;
                    case '0':
                        Enter(State.Zero);
                        if (!numeric)
                            throw Error("format specifier requires numeric argument");
                        if (spec.Align == '\0')
                        {
                            spec.Align = '=';
                            spec.Fill = [(byte)'0'];
                        }
                        p++;
                        break;
                    case >= '1' and <= '9' or '{':
                        Enter(State.Width);
                        p = DynamicSpec(p, ref spec.Width, ref widthRef);
                        break;
                    case '.':
                        Enter(State.Precision, true);
                        p++;
                        if (p == end || _f[p] == '}')
                            throw Error("invalid precision");
                        p = DynamicSpec(p, ref spec.Precision, ref precisionRef);
                        break;
                    case 'L':
                        Enter(State.Locale, numeric);
                        p++;
                        break;
                    case 'a' or 'A' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                        return Presentation(p, (char)c, numeric, ref spec);
                    case 's' or '?':
                        return Presentation(p, (char)c, !numeric, ref spec);
                    case 'd' or 'o' or 'x' or 'X' or 'b' or 'B' or 'c' or 'p':
                        throw Error("invalid format specifier");
                    case '}':
                        return p;
                    default:
                        {
                            if (_f[p] == '}')
                                return p;
                            var fillEnd = p + CodePointLength(_f[p]);
                            if (end - fillEnd <= 0)
                                throw Error("invalid format specifier");
                            if (_f[p] == '{')
                                throw Error("invalid fill character '{'");
                            var align = AlignOf(_f[fillEnd]);
                            Enter(State.Align, align != '\0');
                            spec.Fill = _f[p..fillEnd].ToArray();
                            spec.Align = align;
                            p = fillEnd + 1;
                            break;
                        }
                }
                if (p == end)
                    return p;
                c = _f[p];
            }
        }

        private readonly void Write(FormatArg arg, FormatSpec spec)
        {
            if (arg.Text is null)
                FloatFormat.Write(Output, arg.Number, spec);
            else
                WriteText(Output, arg.Text, spec);
        }
    }

    private static char AlignOf(byte c) => c switch
    {
        (byte)'<' => '<',
        (byte)'>' => '>',
        (byte)'^' => '^',
        _ => '\0',
    };

    /// <summary>The length of the UTF-8 sequence a lead byte starts (1 for invalid bytes).</summary>
    internal static int CodePointLength(byte b)
    {
        var len = "\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\0\0\0\0\0\0\0\0\u0002\u0002\u0002\u0002\u0003\u0003\u0004"[b >> 3];
        return len == 0 ? 1 : len;
    }

    private static void WriteText(ArrayBufferWriter<byte> output, byte[] text, FormatSpec spec)
    {
        var debug = spec.Type == '?';
        ReadOnlySpan<byte> shown = text;
        if (spec.Precision >= 0 && spec.Precision < text.Length)
            shown = shown[..CodePointIndex(text, spec.Precision)];
        var escaped = debug ? Escape(text) : null;
        var width = 0;
        if (spec.Width != 0)
            width = debug ? escaped!.Length : DisplayWidth(shown);
        Pad(output, spec, width, '<', debug ? escaped : shown);
    }

    /// <summary>Writes <paramref name="body"/> padded to the spec's width; <paramref name="defaultAlign"/> applies when none is given.</summary>
    internal static void Pad(ArrayBufferWriter<byte> output, FormatSpec spec, int width, char defaultAlign, ReadOnlySpan<byte> body)
    {
        var padding = spec.Width > width ? spec.Width - width : 0;
        var align = spec.Align == '\0' ? defaultAlign : spec.Align;
        var left = align switch
        {
            '>' or '=' => padding,
            '^' => padding / 2,
            _ => 0,
        };
        for (var i = 0; i < left; i++)
            output.Write(spec.Fill);
        output.Write(body);
        for (var i = left; i < padding; i++)
            output.Write(spec.Fill);
    }

    private static int CodePointIndex(ReadOnlySpan<byte> s, int n)
    {
        var i = 0;
        for (var k = 0; k < n && i < s.Length; k++)
            i += CodePointLength(s[i]);
        return Math.Min(i, s.Length);
    }

    private static int DisplayWidth(ReadOnlySpan<byte> s)
    {
        var width = 0;
        foreach (var rune in Encoding.UTF8.GetString(s).EnumerateRunes())
        {
            var cp = rune.Value;
            var wide = cp >= 0x1100 &&
                (cp <= 0x115f || cp == 0x2329 || cp == 0x232a ||
                 (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
                 (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
                 (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6f) ||
                 (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ||
                 (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd) ||
                 (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff));
            width += wide ? 2 : 1;
        }
        return width;
    }

    private static byte[] Escape(byte[] text)
    {
        var sb = new List<byte>(text.Length + 2) { (byte)'"' };
        var i = 0;
        while (i < text.Length)
        {
            var b = text[i];
            var len = CodePointLength(b);
            if (len > 1 && i + len <= text.Length && Rune.DecodeFromUtf8(text.AsSpan(i, len), out _, out var used) == OperationStatus.Done && used == len)
            {
                sb.AddRange(text.AsSpan(i, len));
                i += len;
                continue;
            }
            var escape = b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                < 0x20 or >= 0x7f => $"\\x{b:x2}",
                _ => null,
            };
            if (escape is null)
                sb.Add(b);
            else
                sb.AddRange(Encoding.ASCII.GetBytes(escape));
            i++;
        }
        sb.Add((byte)'"');
        return sb.ToArray();
    }
}
