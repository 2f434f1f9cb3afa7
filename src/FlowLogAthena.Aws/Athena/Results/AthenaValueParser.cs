using System.Globalization;
using FlowLogAthena.Core.Engines;

namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>
/// Athena's result text (CSV fields or GetQueryResults' VarCharValue) to .NET values by the column's
/// Athena type. Types without a faithful .NET scalar (arrays, maps, rows, ipaddress, zoned timestamps,
/// intervals, varbinary) stay text, exactly as Athena wrote them.
/// </summary>
public static class AthenaValueParser
{
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static ResultColumn Column(string name, string athenaType) => new(name, athenaType, ClrType(athenaType));

    public static Type ClrType(string athenaType) => BaseType(athenaType) switch
    {
        "boolean" => typeof(bool),
        "tinyint" => typeof(sbyte),
        "smallint" => typeof(short),
        "integer" or "int" => typeof(int),
        "bigint" => typeof(long),
        "real" or "float" => typeof(float),
        "double" => typeof(double),
        "decimal" => typeof(decimal),
        "date" => typeof(DateOnly),
        "timestamp" => typeof(DateTime),
        _ => typeof(string),
    };

    /// <summary>The value of <paramref name="text"/> as <paramref name="column"/>'s type; null stays null.</summary>
    public static object? Parse(ResultColumn column, string? text)
    {
        if (text is null) return null;
        var type = column.ClrType;
        if (type == typeof(string)) return text;
        if (text.Length == 0) return null; // an empty non-text field can only be NULL
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            return type switch
            {
                _ when type == typeof(bool) => bool.Parse(text),
                _ when type == typeof(sbyte) => sbyte.Parse(text, NumberStyles.Integer, invariant),
                _ when type == typeof(short) => short.Parse(text, NumberStyles.Integer, invariant),
                _ when type == typeof(int) => int.Parse(text, NumberStyles.Integer, invariant),
                _ when type == typeof(long) => long.Parse(text, NumberStyles.Integer, invariant),
                _ when type == typeof(float) => float.Parse(text, NumberStyles.Float, invariant),
                _ when type == typeof(double) => double.Parse(text, NumberStyles.Float, invariant),
                _ when type == typeof(decimal) => decimal.Parse(text, NumberStyles.Float, invariant),
                _ when type == typeof(DateOnly) => DateOnly.ParseExact(text, "yyyy-MM-dd", invariant),
                _ when type == typeof(DateTime) => DateTime.ParseExact(TrimToTicks(text), TimestampFormats, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                _ => text,
            };
        }
        catch (FormatException e)
        {
            throw new FormatException($"Column '{column.Name}' ({column.EngineType}): '{text}' is not a valid {column.EngineType}.", e);
        }
        catch (OverflowException e)
        {
            throw new FormatException($"Column '{column.Name}' ({column.EngineType}): '{text}' is out of range.", e);
        }
    }

    /// <summary>Athena timestamps carry up to 9 fractional digits (timestamp(9)); .NET ticks hold 7.</summary>
    private static string TrimToTicks(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0) return text;
        var digits = 0;
        while (dot + 1 + digits < text.Length && char.IsAsciiDigit(text[dot + 1 + digits])) digits++;
        return digits <= 7 ? text : text.Remove(dot + 8, digits - 7);
    }

    /// <summary><c>decimal(38,2)</c> → <c>decimal</c>, <c>timestamp(3)</c> → <c>timestamp</c>; zoned timestamps keep their suffix.</summary>
    private static string BaseType(string athenaType)
    {
        var type = athenaType.Trim().ToLowerInvariant();
        if (type.Contains("with time zone", StringComparison.Ordinal)) return "timestamp with time zone";
        var paren = type.IndexOf('(');
        return paren >= 0 ? type[..paren].Trim() : type;
    }
}
