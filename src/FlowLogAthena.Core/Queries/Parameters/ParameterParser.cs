using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>
/// Turns the raw text of one parameter (from <c>--param name=value</c>, a job file or a default) into a
/// typed <see cref="ParameterValue"/>, or throws a <see cref="QueryParameterException"/> that names the
/// parameter, shows the value and says what was expected.
/// </summary>
internal static partial class ParameterParser
{
    public const int MaxStringLength = 256;
    public const int MaxListItems = 1000;

    /// <summary>The characters a <c>string</c> value may hold besides ASCII letters and digits.</summary>
    public const string SafePunctuation = " _-.:/@+=";

    private static readonly long MaxUnixSeconds = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeSeconds();

    public static ParameterValue Parse(QueryParameterDefinition parameter, string raw)
    {
        var text = raw.Trim();
        if (text.Length == 0) throw Invalid(parameter, raw, "is empty");
        if (parameter.Type != QueryParameterType.List)
        {
            var reason = TryParseScalar(parameter, parameter.Type, text, out var value);
            return reason is null ? value! : throw Invalid(parameter, raw, reason);
        }

        var itemType = parameter.ItemType ?? throw new InvalidOperationException($"List parameter '{parameter.Name}' has no item type.");
        var parts = text.Split(',');
        if (parts.Length > MaxListItems) throw Invalid(parameter, raw, $"has {parts.Length} items, more than {MaxListItems}");
        var items = new List<ParameterValue>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var item = parts[i].Trim();
            ParameterValue? value = null;
            var reason = item.Length == 0 ? "is empty" : TryParseScalar(parameter, itemType, item, out value);
            if (reason is not null) throw Invalid(parameter, raw, $"has item {i + 1} '{Show(item)}' that {reason}");
            items.Add(value!);
        }
        return new ListValue(itemType, items);
    }

    /// <summary>What a valid value of the parameter looks like, for messages and help.</summary>
    public static string Describe(QueryParameterDefinition parameter) => parameter.Type == QueryParameterType.List
        ? $"a comma-separated list of {Describe(parameter, parameter.ItemType ?? QueryParameterType.String)}"
        : Describe(parameter, parameter.Type);

    private static string Describe(QueryParameterDefinition p, QueryParameterType type) => type switch
    {
        QueryParameterType.Int => (p.Min, p.Max) switch
        {
            ({ } min, { } max) => $"an integer from {min} to {max}",
            ({ } min, null) => $"an integer of at least {min}",
            (null, { } max) => $"an integer of at most {max}",
            _ => "an integer",
        },
        QueryParameterType.Port => "a port number from 0 to 65535",
        QueryParameterType.Date => "a date such as 2026-11-02",
        QueryParameterType.Timestamp => "an ISO 8601 timestamp such as 2026-11-02T13:00:00Z, a date, or Unix seconds",
        QueryParameterType.Ip => "an IPv4 or IPv6 address such as 10.0.0.1 or 2001:db8::1",
        QueryParameterType.Cidr => "a CIDR block such as 10.0.0.0/8 (IPv4 /0 to /32) or 2001:db8::/32 (IPv6 /0 to /128), or one address (its /32 or /128)",
        QueryParameterType.Enum => "one of " + string.Join(", ", p.Values),
        QueryParameterType.Decimal => (p.Min, p.Max) switch
        {
            ({ } min, { } max) => $"a decimal number from {min} to {max} with at most {DecimalText.MaxScale} decimal places, e.g. 0.09",
            ({ } min, null) => $"a decimal number of at least {min} with at most {DecimalText.MaxScale} decimal places, e.g. 0.09",
            (null, { } max) => $"a decimal number of at most {max} with at most {DecimalText.MaxScale} decimal places, e.g. 0.09",
            _ => $"a decimal number with at most {DecimalText.MaxScale} decimal places, e.g. 0.09",
        },
        QueryParameterType.Mapping => $"the path of a CSV file with the header columns {string.Join(", ", p.Columns)}",
        QueryParameterType.String => $"text of letters, digits, spaces and {SafePunctuation.Trim()} (at most {MaxStringLength} characters)",
        _ => type.ToName(),
    };

    /// <summary>Parses one scalar; returns null on success, else the reason it failed ("is not an integer").</summary>
    private static string? TryParseScalar(QueryParameterDefinition p, QueryParameterType type, string text, out ParameterValue? value)
    {
        value = null;
        switch (type)
        {
            case QueryParameterType.Int:
                if (!IntegerPattern().IsMatch(text)) return "is not an integer";
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return "is out of range";
                if (number < p.Min) return $"is below the minimum {p.Min}";
                if (number > p.Max) return $"is above the maximum {p.Max}";
                value = new IntegerValue(type, number);
                return null;

            case QueryParameterType.Port:
                if (text.Length > 5 || !text.All(char.IsAsciiDigit)) return "is not a port number";
                var port = int.Parse(text, CultureInfo.InvariantCulture);
                if (port > 65535) return "is above 65535, the highest port";
                value = new IntegerValue(type, port);
                return null;

            case QueryParameterType.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return "is not a date in the form yyyy-MM-dd";
                value = new DateValue(date);
                return null;

            case QueryParameterType.Timestamp:
                return TryParseTimestamp(text, out value);

            case QueryParameterType.Ip:
                if (!IpAddressText.TryParse(text, out var address)) return "is not an IPv4 or IPv6 address";
                value = new IpAddressValue(address);
                return null;

            case QueryParameterType.Cidr:
                if (IpNetwork.TryParse(text, out var network))
                {
                    value = new CidrValue(network);
                    return null;
                }
                // A bare address is its own host network, as PostgreSQL's cidr and Python's ip_network read it.
                if (IpAddressText.TryParse(text, out var host))
                {
                    value = new CidrValue(IpNetwork.Single(host));
                    return null;
                }
                return CidrFailure(text);

            case QueryParameterType.Enum:
                var match = p.Values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
                if (match is null) return "is not one of the allowed values";
                value = new TextValue(type, match);
                return null;

            case QueryParameterType.Decimal:
                var decimalReason = DecimalText.TryParse(text, out var amount);
                if (decimalReason is not null) return decimalReason;
                if (amount < p.Min) return $"is below the minimum {p.Min}";
                if (amount > p.Max) return $"is above the maximum {p.Max}";
                value = new DecimalValue(amount);
                return null;

            case QueryParameterType.Mapping:
                return MappingFile.TryRead(p, text, out value);

            case QueryParameterType.String:
                var unsafeReason = UnsafeStringReason(text);
                if (unsafeReason is not null) return unsafeReason;
                value = new TextValue(type, text);
                return null;

            default:
                return $"cannot be a {type.ToName()}";
        }
    }

    private static string? TryParseTimestamp(string text, out ParameterValue? value)
    {
        value = null;
        if (text.All(char.IsAsciiDigit))
        {
            if (text.Length > 12 || long.Parse(text, CultureInfo.InvariantCulture) > MaxUnixSeconds) return "is out of range";
            value = new TimestampValue(DateTime.UnixEpoch.AddSeconds(long.Parse(text, CultureInfo.InvariantCulture)));
            return null;
        }
        try
        {
            value = new TimestampValue(TimeWindow.ParseInstant(text, "timestamp"));
            return null;
        }
        catch (TimeWindowException)
        {
            return "is not a timestamp";
        }
    }

    private static string CidrFailure(string text)
    {
        var slash = text.LastIndexOf('/');
        if (slash <= 0) return "is neither an address nor a CIDR block (address/prefix)";
        if (!IpAddressText.TryParse(text[..slash], out var address)) return $"has '{Show(text[..slash])}', which is not an IPv4 or IPv6 address";
        var ipv4 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        return $"has prefix '/{Show(text[(slash + 1)..])}', but an {(ipv4 ? "IPv4 network allows /0 to /32" : "IPv6 network allows /0 to /128")}";
    }

    /// <summary>Why a string is refused, or null when every character is in the safe set.</summary>
    public static string? UnsafeStringReason(string text)
    {
        if (text.Length > MaxStringLength) return $"is longer than {MaxStringLength} characters";
        foreach (var c in text)
        {
            if (c == '\'') return "contains a quote (')";
            if (c == '"') return "contains a double quote (\")";
            if (c == '\\') return "contains a backslash";
            if (char.IsControl(c)) return $"contains a control character (U+{(int)c:X4})";
            if (!char.IsAsciiLetterOrDigit(c) && !SafePunctuation.Contains(c, StringComparison.Ordinal))
                return $"contains '{c}', which is outside the safe characters";
        }
        return null;
    }

    private static QueryParameterException Invalid(QueryParameterDefinition p, string raw, string reason) =>
        new(p.Name, $"Parameter '{p.Name}' = '{Show(raw)}' {reason}; expected {Describe(p)}.");

    /// <summary>A value as safe to print: control characters escaped, long values cut.</summary>
    public static string Show(string raw)
    {
        var builder = new StringBuilder();
        foreach (var c in raw.Length > 80 ? raw[..80] : raw)
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        if (raw.Length > 80) builder.Append('…');
        return builder.ToString();
    }

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex IntegerPattern();
}
