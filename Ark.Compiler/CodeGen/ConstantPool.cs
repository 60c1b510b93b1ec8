using Ark.Vm.Values;

namespace Ark.Compiler.CodeGen;

/// <summary>The constants table, with equal numbers and strings stored once.</summary>
/// <remarks>
/// Framework generics over our own structs (<c>List&lt;Value&gt;</c>) can't be precompiled
/// ReadyToRun and cost JIT time at every start-up, so the table is a plain array.
/// </remarks>
internal sealed class ConstantPool
{
    private Value[] _values = new Value[16];
    private int _count;
    // keyed by the boxed bits: a dictionary with an object key is precompiled with the framework
    private readonly Dictionary<object, int> _numbers = [];
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
            index = Append(new Value(NumberLiteral.AsStored(number)));
            _numbers[bits] = index;
        }
        return index;
    }

    public int Add(string text)
    {
        if (!_strings.TryGetValue(text, out var index))
        {
            index = Append(Value.String(text));
            _strings[text] = index;
        }
        return index;
    }

    public int Add(FunctionProto function) => Append(new Value(function));

    public Value[] ToArray()
    {
        var values = new Value[_count];
        Array.Copy(_values, values, _count);
        return values;
    }

    private int Append(Value value)
    {
        if (_count == _values.Length)
        {
            var larger = new Value[_count * 2];
            Array.Copy(_values, larger, _count);
            _values = larger;
        }
        _values[_count] = value;
        return _count++;
    }
}
