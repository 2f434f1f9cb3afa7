using System.Globalization;
using System.Net;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>
/// A validated parameter value. Only <see cref="ParameterParser"/> creates them, so a value that reaches a
/// dialect's literal renderer has already passed its type, bounds and safety checks.
/// </summary>
public abstract record ParameterValue(QueryParameterType Type)
{
    /// <summary>Canonical text, for manifests and logs (and what parsing it again would give).</summary>
    public abstract string Canonical { get; }

    public sealed override string ToString() => Canonical;
}

/// <summary>An <c>int</c> or <c>port</c> value.</summary>
internal sealed record IntegerValue(QueryParameterType Type, long Value) : ParameterValue(Type)
{
    public override string Canonical => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A <c>string</c> or <c>enum</c> value (enum values use the spelling declared in <c>values</c>).</summary>
internal sealed record TextValue(QueryParameterType Type, string Value) : ParameterValue(Type)
{
    public override string Canonical => Value;
}

internal sealed record DateValue(DateOnly Value) : ParameterValue(QueryParameterType.Date)
{
    public override string Canonical => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal sealed record TimestampValue(DateTime Utc) : ParameterValue(QueryParameterType.Timestamp)
{
    /// <summary>Whole Unix seconds (sub-seconds dropped), the unit of flow-log <c>start</c> and <c>end</c>.</summary>
    public long UnixSeconds => new DateTimeOffset(Utc).ToUnixTimeSeconds();

    public override string Canonical => TimeWindow.Format(Utc);
}

/// <summary>An <c>ip</c> value: one address, read and written by <see cref="IpAddressText"/> (IPv4-mapped IPv6 is its IPv4 address).</summary>
internal sealed record IpAddressValue(IPAddress Address) : ParameterValue(QueryParameterType.Ip)
{
    public override string Canonical => IpAddressText.Format(Address);
}

internal sealed record CidrValue(IpNetwork Network) : ParameterValue(QueryParameterType.Cidr)
{
    public override string Canonical => Network.ToString();
}

/// <summary>A non-empty list of values of one item type.</summary>
internal sealed record ListValue(QueryParameterType ItemType, IReadOnlyList<ParameterValue> Items) : ParameterValue(QueryParameterType.List)
{
    public override string Canonical => string.Join(',', Items.Select(i => i.Canonical));
}

/// <summary>A <c>decimal</c> value: at most <see cref="DecimalText.MaxScale"/> decimal places and 12 integer digits.</summary>
internal sealed record DecimalValue(decimal Value) : ParameterValue(QueryParameterType.Decimal)
{
    public override string Canonical => DecimalText.Format(Value);
}

/// <summary>
/// A <c>mapping</c> value: the rows of a validated CSV file, each holding the declared columns in declaration
/// order. The first column is the key; keys are unique.
/// </summary>
public sealed record MappingValue(string Path, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
    : ParameterValue(QueryParameterType.Mapping)
{
    public override string Canonical => Path;
}
