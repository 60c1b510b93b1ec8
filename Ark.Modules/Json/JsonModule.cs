using System.Collections.Immutable;
using System.Text;
using Ark.Vm.Errors;
using Ark.Vm.Modules;
using Ark.Vm.Values;
using ExecutionContext = Ark.Vm.Execution.ExecutionContext;

namespace Ark.Modules.Json;

/// <summary>
/// <c>(import json)</c>: reading, querying, building and writing JSON documents. A document is a
/// <c>UserType</c> that prints as compact JSON; <c>json:set</c> changes it in place (every copy of
/// the value sees the change), while values taken out of it or put into it are copies.
/// </summary>
/// <remarks>
/// Failures print as bare messages, as the reference's do. Parse errors say where the text is
/// wrong in this implementation's words; the reference passes on its JSON library's messages.
/// </remarks>
public sealed class JsonModule : IArkModule
{
    private static readonly Contract FileName = new(new Param("filename", ValueKind.String));
    private static readonly Contract Text = new(new Param("jsonObject", ValueKind.String));
    private static readonly Contract Document = new(new Param("jsonObject", ValueKind.UserType));
    private static readonly Contract[] GetContracts =
    [
        new(new Param("json", ValueKind.UserType), new Param("key", ValueKind.Number)),
        new(new Param("json", ValueKind.UserType), new Param("key", ValueKind.String)),
    ];
    private static readonly Contract SetContract =
        new(new Param("jsonObject", ValueKind.UserType), new Param("key", ValueKind.String), Param.Any("value"));
    private static readonly Contract WriteContract =
        new(new Param("jsonObject", ValueKind.UserType), new Param("filename", ValueKind.String));
    private static readonly Contract ListContract = new(new Param("jsonAsList", ValueKind.List));

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public void Register(ModuleBuilder module) => module
        .AsyncFunction("open", OpenAsync)
        .Function("fromString", FromString)
        .Function("toString", ToText)
        .Function("get", Get)
        .Function("set", Set)
        .Function("len", Len)
        .AsyncFunction("write", WriteAsync)
        .Function("fromList", FromList);

    /// <summary>
    /// <c>(json:open filename)</c>: the JSON document in the file. The calling context parks
    /// while the file is read.
    /// </summary>
    public static ValueTask<Value> OpenAsync(Value[] args, ExecutionContext context)
    {
        if (args.Length != 1 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error("json:open", args, FileName);
        return ReadDocumentAsync(args[0].AsString.ToString());
    }

    private static async ValueTask<Value> ReadDocumentAsync(string path)
    {
        // off the worker before the file is touched: .NET opens files synchronously, and an open
        // can wait (a FIFO for its writer, a network file system for its server)
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        // the reference reads a missing file as empty text and fails to parse it
        if (Directory.Exists(path))
            throw Failure($"json:open: couldn't read file \"{path}\" because it is a directory");
        if (!File.Exists(path))
            throw Failure($"json:open: couldn't read file \"{path}\" because it doesn't exist");
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Failure($"json:open: couldn't read file \"{path}\"");
        }
        return JsonBox.Wrap(Parse(content, $"json:open: invalid JSON in \"{path}\""));
    }

    /// <summary><c>(json:fromString text)</c>: the JSON document the string holds.</summary>
    public static Value FromString(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 1 || args[0].Kind != ValueKind.String)
            throw TypeCheck.Error("json:fromString", args, Text);
        return JsonBox.Wrap(Parse(args[0].AsString.Bytes, "json:fromString: invalid JSON"));
    }

    /// <summary><c>(json:toString json)</c>: the document as compact JSON text, as it prints.</summary>
    public static Value ToText(ReadOnlySpan<Value> args, ExecutionContext context) =>
        Value.String(JsonPrinter.Compact(OneDocument("json:toString", args).Root));

    /// <summary>
    /// <c>(json:get json key)</c>: the element at index <c>key</c> (a number, truncated) of an
    /// array, or the member <c>key</c> (a string) of an object; nil when there is none.
    /// </summary>
    /// <remarks>
    /// The reference adds a missing key to the object (as null) and grows an array up to a
    /// missing index while looking it up; here a lookup never changes the document. A negative
    /// index, which the reference leaves undefined, gives nil.
    /// </remarks>
    public static Value Get(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        var box = args.Length == 2 ? JsonBox.Of(args[0]) : null;
        if (box is null || args[1].Kind is not (ValueKind.Number or ValueKind.String))
            throw TypeCheck.Error("json:get", args, GetContracts);
        return (box.Root, args[1].Kind) switch
        {
            (JsonArray a, ValueKind.Number) when args[1].Num >= 0 && args[1].Num < a.Items.Length =>
                JsonConversion.ToArk(a.Items[(int)args[1].Num]),
            (JsonObject o, ValueKind.String) when o.Members.TryGetValue(args[1].AsString.ToString(), out var member) =>
                JsonConversion.ToArk(member),
            _ => Value.Nil,
        };
    }

    /// <summary>
    /// <c>(json:set json key value)</c>: binds <c>key</c> to a copy of <c>value</c> in the object
    /// (a null document becomes an object); returns nil.
    /// </summary>
    /// <remarks>
    /// The reference silently ignores a value it cannot store (a function, nil); here nil stores
    /// null and anything without a JSON form is an error.
    /// </remarks>
    public static Value Set(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        var box = args.Length == 3 ? JsonBox.Of(args[0]) : null;
        if (box is null || args[1].Kind != ValueKind.String)
            throw TypeCheck.Error("json:set", args, SetContract);
        var value = JsonConversion.FromArk(args[2])
            ?? throw Failure($"json:set: couldn't parse value ({args[2].Kind.TypeName()})");
        box.Set(args[1].AsString.ToString(), value);
        return Value.Nil;
    }

    /// <summary>
    /// <c>(json:len json)</c>: the number of members of an object or elements of an array; 0 for
    /// null and 1 for any other single value, as in the reference.
    /// </summary>
    public static Value Len(ReadOnlySpan<Value> args, ExecutionContext context) =>
        new(OneDocument("json:len", args).Root switch
        {
            JsonObject o => o.Members.Count,
            JsonArray a => a.Items.Length,
            JsonNull => 0,
            _ => 1,
        });

    /// <summary>
    /// <c>(json:write json filename)</c>: replaces the file's content with the document, indented
    /// by four spaces; returns nil. The calling context parks while the file is written.
    /// </summary>
    /// <remarks>The reference ignores a file it cannot open; here that is an error.</remarks>
    public static ValueTask<Value> WriteAsync(Value[] args, ExecutionContext context)
    {
        var box = args.Length == 2 ? JsonBox.Of(args[0]) : null;
        if (box is null || args[1].Kind != ValueKind.String)
            throw TypeCheck.Error("json:write", args, WriteContract);
        // printed now: the file gets the document as it is at the call, whatever json:set does next
        var text = Encoding.UTF8.GetBytes(JsonPrinter.Indented(box.Root));
        return WriteDocumentAsync(args[1].AsString.ToString(), text);
    }

    private static async ValueTask<Value> WriteDocumentAsync(string path, byte[] text)
    {
        // off the worker before the file is touched, as in ReadDocumentAsync
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        try
        {
            await File.WriteAllBytesAsync(path, text).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Failure($"json:write: couldn't write to file \"{path}\"");
        }
        return Value.Nil;
    }

    /// <summary>
    /// <c>(json:fromList [key value ...])</c>: an object built from alternating string keys and
    /// values; a later duplicate key replaces an earlier one.
    /// </summary>
    /// <remarks>The reference gives null for an empty list; here it is an empty object, like any other list gives an object.</remarks>
    public static Value FromList(ReadOnlySpan<Value> args, ExecutionContext context)
    {
        if (args.Length != 1 || args[0].Kind != ValueKind.List)
            throw TypeCheck.Error("json:fromList", args, ListContract);
        var items = args[0].AsList.Items;
        if (items.Length % 2 != 0)
        {
            throw Failure(
                "json:fromList: the list must contain an even number of elements: even ones are the keys and odd ones are the values");
        }
        var members = ImmutableSortedDictionary.CreateBuilder<string, JsonData>(CodePointComparer.Instance);
        for (var i = 0; i < items.Length; i += 2)
        {
            if (items[i].Kind != ValueKind.String)
                throw Failure("json:fromList: keys need to be of type String");
            var key = items[i].AsString.ToString();
            members[key] = JsonConversion.FromArk(items[i + 1]) ?? throw Failure($"json:fromList: value for key '{key}' isn't handled");
        }
        return JsonBox.Wrap(new JsonObject(members.ToImmutable()));
    }

    private static JsonBox OneDocument(string function, ReadOnlySpan<Value> args) =>
        (args.Length == 1 ? JsonBox.Of(args[0]) : null) ?? throw TypeCheck.Error(function, args, Document);

    private static JsonData Parse(ReadOnlySpan<byte> text, string what)
    {
        try
        {
            return JsonParser.Parse(text);
        }
        catch (JsonParseError e)
        {
            throw Failure($"{what} {e.Message}");
        }
    }

    private static ArkException Failure(string message) => new(ErrorKind.Runtime, message);
}
