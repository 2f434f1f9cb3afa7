using System.Globalization;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// The typed value of an Athena execution parameter. Athena reads each parameter as an SQL literal, so its type
/// is the literal's type in Trino: an integer literal is <c>integer</c> when it fits 32 bits and <c>bigint</c>
/// otherwise (DuckDB types its literals the same way), <c>'…'</c> is <c>varchar</c>, <c>DATE '…'</c> a date.
/// Only the forms <see cref="Core.Queries.Dialects.SqlDialectHelpers.Literal"/> writes are accepted.
/// </summary>
public static partial class AthenaLiteral
{
    public static object Value(string literal)
    {
        var integer = IntegerPattern().Match(literal);
        if (integer.Success)
        {
            var digits = integer.Groups[1].Success ? integer.Groups[1].Value : integer.Groups[2].Value;
            var value = long.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return value is >= int.MinValue and <= int.MaxValue ? (object)(int)value : value;
        }
        var date = DatePattern().Match(literal);
        if (date.Success) return DateOnly.ParseExact(date.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = StringPattern().Match(literal);
        if (text.Success) return text.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal);
        throw new ArgumentException($"<{literal}> is not an integer, string or date literal as the Athena helpers write them.", nameof(literal));
    }

    /// <summary>Digits, or a negative number in parentheses.</summary>
    [GeneratedRegex(@"^(?:(\d+)|\((-\d+)\))$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^DATE '(\d{4}-\d{2}-\d{2})'$")]
    private static partial Regex DatePattern();

    /// <summary>Quotes inside are doubled, so no lone quote may appear between the outer ones.</summary>
    [GeneratedRegex(@"^'((?:[^']|'')*)'$")]
    private static partial Regex StringPattern();
}
