using System.Globalization;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Synthetic;

/// <summary>
/// One generated record as the files hold it: each format field's text, or null where the file has <c>-</c>
/// (and Parquet a null). Rendered by the same code that writes the files, so tests can compute reference
/// answers from these and compare them with what any engine reads back. Public (it is made only inside this
/// project) because the other projects' test helpers take and return records in their public signatures.
/// </summary>
public sealed class FlowRecord
{
    private readonly string?[] _values;

    internal FlowRecord(FlowLogFormat format, string?[] values, long startUnixSeconds, bool loggedData = true)
    {
        Format = format;
        _values = values;
        StartUnixSeconds = startUnixSeconds;
        LoggedData = loggedData;
    }

    public FlowLogFormat Format { get; }

    /// <summary>Values in format order; null for <c>-</c>.</summary>
    public IReadOnlyList<string?> Values => _values;

    /// <summary>The record's start time, whether or not the format has the <c>start</c> field.</summary>
    public long StartUnixSeconds { get; }

    /// <summary>A field's text by AWS name, or null for <c>-</c>.</summary>
    /// <exception cref="KeyNotFoundException">The format has no such field.</exception>
    public string? this[string fieldName] => _values[IndexOf(fieldName)];

    public bool Has(string fieldName) => Format.Contains(fieldName);

    /// <summary>The record's log-status is OK (not NODATA or SKIPDATA), whether or not the format has log-status.</summary>
    public bool LoggedData { get; }

    public int? GetInt32(string fieldName) =>
        this[fieldName] is { } text ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    public long? GetInt64(string fieldName) =>
        this[fieldName] is { } text ? long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    /// <summary>The value as its Parquet column holds it: int?, long? or string, by the field's type.</summary>
    public object? GetTyped(int index)
    {
        var text = _values[index];
        if (text is null) return null;
        return Format.Fields[index].Type switch
        {
            FieldType.Int32 => int.Parse(text, CultureInfo.InvariantCulture),
            FieldType.Int64 => long.Parse(text, CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    /// <summary>The record's line in a text file (without the newline).</summary>
    public string ToLine() => string.Join(' ', _values.Select(v => v ?? "-"));

    public override string ToString() => ToLine();

    private int IndexOf(string fieldName)
    {
        var index = Format.IndexOf(fieldName);
        return index >= 0 ? index : throw new KeyNotFoundException($"The format has no field '{fieldName}': {Format}");
    }
}
