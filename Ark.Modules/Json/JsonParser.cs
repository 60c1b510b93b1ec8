using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Ark.Modules.Json;

/// <summary>JSON text that could not be read, with where the problem is (1-based line and byte column).</summary>
internal sealed class JsonParseError(long line, long column, string detail) : Exception($"at line {line}, column {column}: {detail}");

/// <summary>
/// Reads JSON text (strict RFC 8259: no comments, no trailing commas, exactly one value) into
/// <see cref="JsonData"/>, tokenising with System.Text.Json's reader. Like the reference, a later
/// duplicate key replaces an earlier one, integers keep their exact 64-bit value and other numbers
/// become doubles.
/// </summary>
internal static class JsonParser
{
    /// <summary>Deep enough for any real document, shallow enough that printing it cannot exhaust the stack.</summary>
    public const int MaxDepth = 1000;

    /// <summary>Parses UTF-8 JSON text; a leading byte-order mark is skipped.</summary>
    /// <exception cref="JsonParseError">The text is not one valid JSON value.</exception>
    public static JsonData Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
            utf8 = utf8[3..];
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            return Read(ref reader, utf8);
        }
        catch (JsonException e)
        {
            // the reader's own wording for this case is about its API ("isFinalBlock")
            var detail = utf8.Trim(" \t\r\n"u8).IsEmpty ? "the text holds no value" : Clean(e.Message);
            throw new JsonParseError((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, detail);
        }
    }

    private static JsonData Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> input)
    {
        var open = new Stack<Container>();
        JsonData? result = null;
        while (reader.Read())
        {
            JsonData value;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Push(new Container(isObject: true));
                    continue;
                case JsonTokenType.StartArray:
                    open.Push(new Container(isObject: false));
                    continue;
                case JsonTokenType.PropertyName:
                    open.Peek().Key = String(ref reader, input);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    value = open.Pop().Build();
                    break;
                case JsonTokenType.String:
                    value = new JsonString(String(ref reader, input));
                    break;
                case JsonTokenType.Number:
                    value = Number(reader.ValueSpan) ?? throw Error(input, reader.TokenStartIndex,
                        $"number overflow parsing '{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)}'");
                    break;
                case JsonTokenType.True:
                    value = JsonBool.True;
                    break;
                case JsonTokenType.False:
                    value = JsonBool.False;
                    break;
                default:
                    value = JsonNull.Instance;
                    break;
            }
            if (open.Count == 0)
                result = value;
            else
                open.Peek().Add(value);
        }
        // the reader has already rejected empty input and anything after the first value
        return result!;
    }

    /// <summary>The number the token spells, or null when it is too large for a double.</summary>
    private static JsonNumber? Number(ReadOnlySpan<byte> text)
    {
        // like the reference: a token without fraction or exponent is an integer if it fits 64 bits
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                return new JsonInteger(l);
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u))
                return new JsonUnsigned(u);
        }
        var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(d) ? new JsonFloat(d) : null;
    }

    private static string String(ref Utf8JsonReader reader, ReadOnlySpan<byte> input)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // an escaped lone surrogate such as "\ud800": the token is well formed but is no text
            throw Error(input, reader.TokenStartIndex, Clean(e.Message));
        }
    }

    private static JsonParseError Error(ReadOnlySpan<byte> input, long offset, string detail)
    {
        var before = input[..(int)offset];
        var line = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new JsonParseError(line + 1, offset - lineStart + 1, detail);
    }

    /// <summary>A System.Text.Json message without what does not concern a script's author.</summary>
    private static string Clean(string message)
    {
        // its zero-based position (ours is given separately) and advice about its options
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at >= 0)
            message = message[..at];
        return message.Replace(" Change the reader options.", "", StringComparison.Ordinal);
    }

    /// <summary>An array or object whose members are still being read.</summary>
    private sealed class Container(bool isObject)
    {
        private readonly ImmutableArray<JsonData>.Builder? _items = isObject ? null : ImmutableArray.CreateBuilder<JsonData>();
        private readonly ImmutableSortedDictionary<string, JsonData>.Builder? _members =
            isObject ? ImmutableSortedDictionary.CreateBuilder<string, JsonData>(CodePointComparer.Instance) : null;

        public string Key { get; set; } = "";

        public void Add(JsonData value)
        {
            if (_members is not null)
                _members[Key] = value;
            else
                _items!.Add(value);
        }

        public JsonData Build() => _members is not null ? new JsonObject(_members.ToImmutable()) : new JsonArray(_items!.ToImmutable());
    }
}
