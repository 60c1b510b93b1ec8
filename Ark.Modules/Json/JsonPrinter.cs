using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ark.Modules.Json;

/// <summary>
/// Writes <see cref="JsonData"/> as JSON text, in the reference's layout: compact
/// (<c>{"a":[1,2]}</c>) for printing and <c>json:toString</c>, or indented by four spaces for
/// <c>json:write</c>. Keys come out in code-point order; strings escape only what JSON requires
/// (quote, backslash, control characters) and keep every other character as it is.
/// </summary>
/// <remarks>
/// System.Text.Json's writer is not used because its escaping and number formats differ from the
/// reference's output, which scripts compare against (<c>(= (json:toString j) "...")</c>).
/// </remarks>
internal static class JsonPrinter
{
    private const int IndentWidth = 4;

    /// <summary>The value on one line, without spaces.</summary>
    public static string Compact(JsonData data)
    {
        var sb = new StringBuilder();
        Write(sb, data, indent: -1);
        return sb.ToString();
    }

    /// <summary>The value with one member or element per line, nested ones indented by four spaces.</summary>
    public static string Indented(JsonData data)
    {
        var sb = new StringBuilder();
        Write(sb, data, indent: 0);
        return sb.ToString();
    }

    /// <param name="sb">Where the text goes.</param>
    /// <param name="data">The value.</param>
    /// <param name="indent">The current indentation in spaces, or -1 for compact output.</param>
    private static void Write(StringBuilder sb, JsonData data, int indent)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (data)
        {
            case JsonObject { Members.Count: 0 }:
                sb.Append("{}");
                break;
            case JsonObject o:
                sb.Append('{');
                var firstMember = true;
                foreach (var (key, value) in o.Members)
                {
                    Separate(sb, ref firstMember, indent);
                    WriteString(sb, key);
                    sb.Append(indent < 0 ? ":" : ": ");
                    Write(sb, value, Inner(indent));
                }
                Close(sb, '}', indent);
                break;
            case JsonArray { Items.Length: 0 }:
                sb.Append("[]");
                break;
            case JsonArray a:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in a.Items)
                {
                    Separate(sb, ref firstItem, indent);
                    Write(sb, item, Inner(indent));
                }
                Close(sb, ']', indent);
                break;
            case JsonString s:
                WriteString(sb, s.Value);
                break;
            case JsonInteger i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonUnsigned u:
                sb.Append(u.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonFloat f:
                JsonNumberFormat.Append(sb, f.Value);
                break;
            case JsonBool b:
                sb.Append(b.Value ? "true" : "false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static int Inner(int indent) => indent < 0 ? -1 : indent + IndentWidth;

    /// <summary>Starts a member or element: a comma after the previous one, then a new line when indenting.</summary>
    private static void Separate(StringBuilder sb, ref bool first, int indent)
    {
        if (!first)
            sb.Append(',');
        first = false;
        if (indent >= 0)
            sb.Append('\n').Append(' ', indent + IndentWidth);
    }

    private static void Close(StringBuilder sb, char bracket, int indent)
    {
        if (indent >= 0)
            sb.Append('\n').Append(' ', indent);
        sb.Append(bracket);
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
