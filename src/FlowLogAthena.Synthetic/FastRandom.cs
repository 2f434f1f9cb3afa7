using System.Numerics;

namespace FlowLogAthena.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than <see cref="Random"/>: it is faster, a
/// struct (no allocation per file), and its sequence can never change under us with a .NET upgrade, so a seed
/// keeps giving byte-identical files. Integer-only sampling (no Math.Exp/Log) for the same reason.
/// </summary>
internal struct FastRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public FastRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A well-mixed 64-bit value from several inputs, for deriving independent seeds.</summary>
    public static ulong Mix(ulong a, ulong b, ulong c = 0, ulong d = 0)
    {
        var state = a;
        var h = SplitMix(ref state);
        state = h ^ b;
        h = SplitMix(ref state);
        state = h ^ c;
        h = SplitMix(ref state);
        state = h ^ d;
        return SplitMix(ref state);
    }

    /// <summary>FNV-1a over UTF-16 code units: a stable string hash (string.GetHashCode is randomised per process).</summary>
    public static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, max) by multiply-shift (bias below 2^-32, irrelevant here).</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)(uint)maxExclusive) >> 32);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public long NextInt64(long maxExclusive) => (long)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);

    /// <summary>True with probability <paramref name="perTenThousand"/>/10,000.</summary>
    public bool Chance(int perTenThousand) => Next(10_000) < perTenThousand;

    /// <summary>
    /// A rank in [0, n) with P(rank) roughly ∝ 1/(rank+1) (Zipf, s≈1): a power-of-two bucket is picked uniformly,
    /// then a rank inside it. Rank 0 alone takes 1/log2(n) of the draws, which makes a clear top talker.
    /// </summary>
    public int Skewed(int n)
    {
        if (n <= 1) return 0;
        var buckets = 32 - BitOperations.LeadingZeroCount((uint)n);
        while (true)
        {
            var b = Next(buckets);
            var rank = (1 << b) - 1 + Next(1 << b);
            if (rank < n) return rank; // the last bucket is partly past n: redraw so its ranks keep their weight
        }
    }

    /// <summary>Log-uniform in [1, max]: many small values and a long tail, like packet counts.</summary>
    public long LogUniform(long max)
    {
        if (max <= 1) return 1;
        var bits = 64 - BitOperations.LeadingZeroCount((ulong)max);
        while (true)
        {
            var low = 1L << Next(bits);
            var value = low + NextInt64(low);
            if (value <= max) return value;
        }
    }

    /// <summary>Lower-case hex digits, e.g. the 17 of an <c>eni-</c> id.</summary>
    public string Hex(int digits)
    {
        Span<char> chars = stackalloc char[digits];
        for (var i = 0; i < digits; i++) chars[i] = "0123456789abcdef"[Next(16)];
        return new string(chars);
    }
}
