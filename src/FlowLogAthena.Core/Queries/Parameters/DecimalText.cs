using System.Globalization;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>
/// Strict decimal text for <c>decimal</c> parameters: plain digits with an optional sign and fraction, no exponent,
/// no thousands separators, so every value fits <c>DECIMAL(18, 6)</c> exactly on both engines.
/// </summary>
internal static partial class DecimalText
{
    /// <summary>Decimal places a value may have; also the scale of the SQL type.</summary>
    public const int MaxScale = 6;

    /// <summary>Digits before the point a value may have (precision 18 minus the scale).</summary>
    public const int MaxIntegerDigits = 12;

    /// <summary>The SQL type every decimal parameter renders as, on both engines.</summary>
    public const string SqlType = "DECIMAL(18, 6)";

    /// <summary>Parses <paramref name="text"/>; returns null on success, else why it failed.</summary>
    public static string? TryParse(string text, out decimal value)
    {
        value = 0;
        var match = Pattern().Match(text);
        if (!match.Success) return "is not a decimal number (digits with an optional '.' and fraction, e.g. 0.09)";
        if (match.Groups["int"].Value.TrimStart('0').Length > MaxIntegerDigits) return $"has more than {MaxIntegerDigits} digits before the point";
        if (match.Groups["frac"].Value.Length > MaxScale) return $"has more than {MaxScale} decimal places";
        value = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>Invariant text without trailing fractional zeros: <c>0.09</c>, <c>12</c>, <c>-0.5</c>.</summary>
    public static string Format(decimal value) => (value == 0 ? 0m : value).ToString("0.######", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?(?<int>[0-9]+)(\.(?<frac>[0-9]+))?$")]
    private static partial Regex Pattern();
}
