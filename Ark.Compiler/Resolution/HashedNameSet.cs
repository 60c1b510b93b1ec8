using System.Buffers.Binary;
using System.Text;

namespace Ark.Compiler.Resolution;

/// <summary>
/// A set of names that enumerates in the order the reference's <c>std::unordered_set&lt;std::string&gt;</c>
/// does (GCC's libstdc++: Murmur-style <c>std::hash</c>, prime bucket counts, load factor 1, new
/// nodes at the front of their bucket). The reference offers "did you mean" suggestions by walking
/// such a set and keeping the last closest name, so ties are broken by this order.
/// </summary>
public sealed class HashedNameSet
{
    // The bucket counts a growing set goes through: it grows when its size would exceed the count.
    private static readonly int[] BucketCounts =
        [13, 29, 59, 127, 257, 541, 1109, 2357, 5087, 10273, 20753, 42043, 85229, 172933, 351061];

    private sealed class Entry(string name, ulong hash)
    {
        public readonly string Name = name;
        public readonly ulong Hash = hash;
        public Entry? Next;
    }

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<string> _insertionOrder = [];
    private readonly Entry _beforeBegin = new("", 0);
    private Entry?[] _buckets = [];
    private int _growth = -1;

    public int Count => _names.Count;

    public bool Contains(string name) => _names.Contains(name);

    /// <summary>Adds <paramref name="name"/>; returns false when it was already there.</summary>
    public bool Add(string name)
    {
        if (!_names.Add(name))
            return false;
        _insertionOrder.Add(name);
        if (_growth >= BucketCounts.Length)
            return true;
        if (_names.Count > _buckets.Length)
        {
            _growth++;
            if (_growth >= BucketCounts.Length)
                return true; // beyond any realistic program: fall back to insertion order
            Rehash(BucketCounts[_growth]);
        }
        var entry = new Entry(name, Hash(name));
        InsertAtBucketBegin(entry, (int)(entry.Hash % (ulong)_buckets.Length));
        return true;
    }

    /// <summary>The names in the reference's iteration order.</summary>
    public IEnumerable<string> InIterationOrder()
    {
        if (_growth >= BucketCounts.Length)
        {
            foreach (var name in _insertionOrder)
                yield return name;
            yield break;
        }
        for (var e = _beforeBegin.Next; e is not null; e = e.Next)
            yield return e.Name;
    }

    private void InsertAtBucketBegin(Entry entry, int bucket)
    {
        if (_buckets[bucket] is { } before)
        {
            entry.Next = before.Next;
            before.Next = entry;
            return;
        }
        entry.Next = _beforeBegin.Next;
        _beforeBegin.Next = entry;
        if (entry.Next is not null)
            _buckets[(int)(entry.Next.Hash % (ulong)_buckets.Length)] = entry;
        _buckets[bucket] = _beforeBegin;
    }

    private void Rehash(int count)
    {
        var buckets = new Entry?[count];
        var p = _beforeBegin.Next;
        _beforeBegin.Next = null;
        var beginBucket = 0;
        while (p is not null)
        {
            var next = p.Next;
            var bucket = (int)(p.Hash % (ulong)count);
            if (buckets[bucket] is null)
            {
                p.Next = _beforeBegin.Next;
                _beforeBegin.Next = p;
                buckets[bucket] = _beforeBegin;
                if (p.Next is not null)
                    buckets[beginBucket] = p;
                beginBucket = bucket;
            }
            else
            {
                p.Next = buckets[bucket]!.Next;
                buckets[bucket]!.Next = p;
            }
            p = next;
        }
        _buckets = buckets;
    }

    /// <summary>libstdc++'s <c>std::_Hash_bytes</c> on 64-bit targets, with std::hash's seed.</summary>
    private static ulong Hash(string name)
    {
        const ulong mul = (0xc6a4a793UL << 32) + 0x5bd1e995UL;
        var bytes = Encoding.UTF8.GetBytes(name);
        var len = (ulong)bytes.Length;
        var aligned = bytes.Length & ~7;
        var hash = 0xc70f6907UL ^ (len * mul);
        for (var i = 0; i < aligned; i += 8)
        {
            var data = ShiftMix(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i, 8)) * mul) * mul;
            hash ^= data;
            hash *= mul;
        }
        if ((bytes.Length & 7) != 0)
        {
            ulong data = 0;
            for (var i = bytes.Length - 1; i >= aligned; i--)
                data = (data << 8) + bytes[i];
            hash ^= data;
            hash *= mul;
        }
        hash = ShiftMix(hash) * mul;
        return ShiftMix(hash);
    }

    private static ulong ShiftMix(ulong v) => v ^ (v >> 47);
}
