using System.Buffers.Text;

namespace FlowLogAthena.Synthetic;

/// <summary>An IPv4 or IPv6 address as plain integers, written as UTF-8 text without allocating.</summary>
internal readonly struct IpValue
{
    /// <summary>Each octet's decimal digits packed little-endian in the low bytes, and the digit count on top.</summary>
    private static readonly uint[] Octets = Enumerable.Range(0, 256).Select(i =>
    {
        var digits = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var packed = (uint)digits.Length << 24;
        for (var d = 0; d < digits.Length; d++) packed |= (uint)digits[d] << (8 * d);
        return packed;
    }).ToArray();

    private IpValue(ulong high, ulong low, bool isV6)
    {
        High = high;
        Low = low;
        IsV6 = isV6;
    }

    /// <summary>The upper 64 bits of an IPv6 address (zero for IPv4).</summary>
    public ulong High { get; }

    /// <summary>The lower 64 bits of an IPv6 address, or the IPv4 address in its low 32 bits.</summary>
    public ulong Low { get; }

    public bool IsV6 { get; }

    /// <summary>An IPv4 address as one 32-bit number, for arithmetic inside a range.</summary>
    public uint V4Bits => IsV6 ? throw new InvalidOperationException($"{this} is not an IPv4 address.") : (uint)Low;

    public static IpValue V4(uint address) => new(0, address, false);

    public static IpValue V4(int a, int b, int c, int d) => V4((uint)((a << 24) | (b << 16) | (c << 8) | d));

    public static IpValue V6(ulong high, ulong low) => new(high, low, true);

    /// <summary>The longest text form: eight groups of four hex digits and seven colons.</summary>
    public const int MaxLength = 39;

    /// <summary>Writes the address (dotted quad, or RFC 5952 canonical IPv6) and returns the byte count.</summary>
    public int Format(Span<byte> destination) => IsV6 ? FormatV6(destination) : FormatV4(destination);

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return System.Text.Encoding.ASCII.GetString(buffer[..Format(buffer)]);
    }

    private int FormatV4(Span<byte> destination)
    {
        // The hot path of every text line: byte stores from a packed table beat copying tiny arrays.
        var address = (uint)Low;
        var n = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            var octet = Octets[(address >> shift) & 0xFF];
            var length = (int)(octet >> 24);
            destination[n] = (byte)octet;
            if (length > 1) destination[n + 1] = (byte)(octet >> 8);
            if (length > 2) destination[n + 2] = (byte)(octet >> 16);
            n += length;
            if (shift > 0) destination[n++] = (byte)'.';
        }
        return n;
    }

    private int FormatV6(Span<byte> destination)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 4; i++)
        {
            groups[i] = (ushort)(High >> (48 - (16 * i)));
            groups[i + 4] = (ushort)(Low >> (48 - (16 * i)));
        }

        // RFC 5952: the longest run of two or more zero groups (the first on a tie) becomes "::".
        int bestStart = -1, bestLength = 1;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0) { i++; continue; }
            var j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) (bestStart, bestLength) = (i, j - i);
            i = j;
        }

        var n = 0;
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                destination[n++] = (byte)':';
                destination[n++] = (byte)':';
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) destination[n++] = (byte)':';
            Utf8Formatter.TryFormat(groups[i], destination[n..], out var written, new System.Buffers.StandardFormat('x'));
            n += written;
        }
        return n;
    }
}
