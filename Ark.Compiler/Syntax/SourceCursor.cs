using System.Text;

namespace Ark.Compiler.Syntax;

/// <summary>
/// Walks UTF-8 source one code point at a time and tracks the line and column the way the
/// reference parser does, quirks included, because node positions and error locations must
/// come out identical:
/// <list type="bullet">
/// <item>the column counts bytes and is updated as a character is read, so the character
/// under the cursor at byte offset <c>k</c> of a line has column <c>k + 1</c>; a newline
/// puts the column at 0; control characters (tabs too) do not advance it;</item>
/// <item>jumping back (<see cref="Backtrack"/>) recomputes the column from the distance to
/// the previous newline, which gives one more than reading forward does on every line but
/// the first, and recomputes the line from the newlines seen so far, which can leave it
/// unchanged or off by one near the end of what has been read.</item>
/// </list>
/// </summary>
internal sealed class SourceCursor
{
    private readonly byte[] _source;
    private readonly int[] _lineBreaks; // every '\n' offset in the source, ascending
    // the newlines read so far, with the line each started, as two int lists: List<int> comes
    // precompiled with the framework, a list of tuples would be jitted at every start-up
    private readonly List<int> _seenBreakOffsets = [];
    private readonly List<int> _seenBreakLines = [];
    private int _offset;
    private int _nextOffset;
    private int _codepoint;
    private int _length;
    private int _line;
    private int _column;

    public SourceCursor(byte[] source)
    {
        _source = source;
        var breaks = new List<int>();
        for (int i = 0; i < source.Length; ++i)
        {
            if (source[i] == '\n')
                breaks.Add(i);
        }
        _lineBreaks = [.. breaks];
        Next();
    }

    /// <summary>Byte offset of the character under the cursor.</summary>
    public int Offset => _offset;

    public bool IsEof => _offset == _source.Length;

    /// <summary>The code point under the cursor; 0 at the end of input.</summary>
    public int Current => _codepoint;

    public int Line => _line;

    public int Column => _column;

    /// <summary>The bytes of the character under the cursor, as a C string would hold them.</summary>
    public ReadOnlySpan<byte> CurrentBytes
    {
        get
        {
            var bytes = _source.AsSpan(_offset, _length);
            int nul = bytes.IndexOf((byte)0);
            return nul < 0 ? bytes : bytes[..nul];
        }
    }

    /// <summary>The character under the cursor as text; "" at the end of input.</summary>
    public string CurrentText => Encoding.UTF8.GetString(CurrentBytes);

    /// <summary>The source text from byte <paramref name="start"/> up to the cursor.</summary>
    public string TextFrom(int start) => Encoding.UTF8.GetString(_source, start, _offset - start);

    /// <summary>Moves past the character under the cursor.</summary>
    public void Next()
    {
        _offset = _nextOffset;
        if (IsEof)
        {
            _codepoint = 0;
            _length = 0;
            return;
        }

        _nextOffset = Decode(_offset, out _codepoint, out _length);
        if (_source[_offset] == '\n')
        {
            ++_line;
            _column = 0;
            RememberBreak(_offset, _line);
        }
        else if (CharClass.IsPrintable(_codepoint))
            _column += _length;
    }

    /// <summary>Puts the cursor back on byte <paramref name="offset"/> (ignored at or past the end).</summary>
    public void Backtrack(int offset)
    {
        if (offset >= _source.Length)
            return;

        _offset = offset;
        _nextOffset = Decode(offset, out _codepoint, out _length);

        // The line comes from the first newline seen after the *next* character, if any.
        int seen = FirstSeenBreakAfter(_nextOffset);
        if (seen < _seenBreakOffsets.Count)
            _line = _seenBreakLines[seen] - 1;

        int previous = LineBreaksBefore(offset) - 1;
        _column = previous >= 0 ? offset - _lineBreaks[previous] + 1 : offset + 1;
    }

    /// <summary>Consumes the character if it satisfies <paramref name="predicate"/>, appending its bytes to <paramref name="sink"/>.</summary>
    public bool Accept(Func<int, bool> predicate, List<byte>? sink = null)
    {
        if (IsEof || !predicate(_codepoint))
            return false;
        // a plain loop: the span AddRange is a generic method the precompiled image lacks
        if (sink is not null)
        {
            foreach (var b in CurrentBytes)
                sink.Add(b);
        }
        Next();
        return true;
    }

    /// <summary>Consumes the character if it is <paramref name="c"/>, appending it to <paramref name="sink"/>.</summary>
    public bool Accept(char c, List<byte>? sink = null)
    {
        if (IsEof || _codepoint != c)
            return false;
        sink?.Add((byte)c);
        Next();
        return true;
    }

    private int FirstSeenBreakAfter(int offset)
    {
        int low = 0, high = _seenBreakOffsets.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (_seenBreakOffsets[middle] > offset)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }

    private void RememberBreak(int offset, int line)
    {
        int index = FirstSeenBreakAfter(offset);
        if (index > 0 && _seenBreakOffsets[index - 1] == offset)
            return;
        // Reading is sequential from the start, so a newline before the first one seen can not occur.
        if (index == 0 && _seenBreakOffsets.Count > 0)
            return;
        _seenBreakOffsets.Insert(index, offset);
        _seenBreakLines.Insert(index, line);
    }

    /// <summary>How many newlines of the source come strictly before byte <paramref name="offset"/>.</summary>
    private int LineBreaksBefore(int offset)
    {
        int low = 0, high = _lineBreaks.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (_lineBreaks[middle] < offset)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    /// <summary>
    /// Decodes the code point at <paramref name="at"/> without validating continuation bytes;
    /// a sequence cut short by the end of input reads as an empty character there.
    /// </summary>
    private int Decode(int at, out int codepoint, out int length)
    {
        byte lead = _source[at];
        int end = _source.Length;
        if ((lead & 0xF8) == 0xF0)
        {
            if (at + 3 >= end)
            {
                codepoint = 0;
                length = 0;
                return end;
            }
            int cp = ((lead & 0x07) << 18) | ((_source[at + 1] & 0x3F) << 12) | ((_source[at + 2] & 0x3F) << 6) | (_source[at + 3] & 0x3F);
            codepoint = cp;
            length = 4;
            return at + 4;
        }
        if ((lead & 0xF0) == 0xE0)
        {
            if (at + 2 >= end)
            {
                codepoint = 0;
                length = 0;
                return end;
            }
            int cp = ((lead & 0x0F) << 12) | ((_source[at + 1] & 0x3F) << 6) | (_source[at + 2] & 0x3F);
            codepoint = cp;
            length = 3;
            return at + 3;
        }
        if ((lead & 0xE0) == 0xC0)
        {
            if (at + 1 >= end)
            {
                codepoint = 0;
                length = 0;
                return end;
            }
            int cp = ((lead & 0x1F) << 6) | (_source[at + 1] & 0x3F);
            codepoint = cp;
            length = 2;
            return at + 2;
        }
        codepoint = lead;
        length = 1;
        return at + 1;
    }
}
