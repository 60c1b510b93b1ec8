using Ark.Vm.Values;

namespace Ark.Compiler.CodeGen;

/// <summary>The constants table, with equal numbers and strings stored once.</summary>
internal sealed class ConstantPool
{
    private readonly List<Value> _values = [];
    private readonly Dictionary<long, int> _numbers = [];
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a number literal, reusing an equal one: like the reference, 0 and -0 are one
    /// constant (whichever came first), and literals are compared before being rounded to
    /// the six decimals the reference keeps (see <see cref="NumberLiteral"/>).
    /// </summary>
    public int Add(double number)
    {
        var bits = number == 0 ? 0L : BitConverter.DoubleToInt64Bits(number);
        if (!_numbers.TryGetValue(bits, out var index))
        {
            index = _values.Count;
            _values.Add(new Value(NumberLiteral.AsStored(number)));
            _numbers[bits] = index;
        }
        return index;
    }

    public int Add(string text)
    {
        if (!_strings.TryGetValue(text, out var index))
        {
            index = _values.Count;
            _values.Add(Value.String(text));
            _strings[text] = index;
        }
        return index;
    }

    public int Add(FunctionProto function)
    {
        _values.Add(new Value(function));
        return _values.Count - 1;
    }

    public Value[] ToArray() => [.. _values];
}
