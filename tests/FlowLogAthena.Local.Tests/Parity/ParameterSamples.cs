using System.Globalization;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// Values for any query's parameters, chosen by type (the catalog grows, so no query is special-cased) and, where
/// they name something in the data, taken from the data so the compared results are not empty: a parameter named
/// after a field gets its most frequent values in the window, an address the most frequent one in the column the
/// parameter names (else <c>srcaddr</c>), a network the one around it.
/// </summary>
public sealed class ParameterSamples(GlueTableOnDuckDb table, FlowLogFormat format, TimeWindow window, string scratchFolder)
{
    /// <summary>The shared row-cap parameter.</summary>
    public const string Limit = "limit";

    /// <summary>A cap above every compared result's size, so whole results are compared.</summary>
    private const long RowCap = 100_000;

    public async Task<Dictionary<string, string>> ForAsync(ParityVariant variant)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in variant.Given) values[parameter.Name] = await ValueAsync(parameter);
        return values;
    }

    private async Task<string> ValueAsync(QueryParameterDefinition p)
    {
        if (p.Name == Limit && p.Type == QueryParameterType.Int) return Math.Min(p.Max ?? RowCap, RowCap).ToString(CultureInfo.InvariantCulture);
        if (p.Type != QueryParameterType.List) return (await ItemsAsync(p, p.Type, 1))[0];
        var itemType = p.ItemType ?? throw new InvalidOperationException($"List parameter '{p.Name}' has no item type.");
        return string.Join(",", await ItemsAsync(p, itemType, 3));
    }

    private async Task<IReadOnlyList<string>> ItemsAsync(QueryParameterDefinition p, QueryParameterType type, int count)
    {
        var inv = CultureInfo.InvariantCulture;
        // A parameter named after a field (protocol, dstport, vpc_id) gets that field's most frequent values.
        var fromData = NamedColumn(p) is { } named && type is QueryParameterType.Int or QueryParameterType.Port or QueryParameterType.String
            ? (await table.MostFrequentAsync(named.ColumnName, window, count)).Where(v => type == QueryParameterType.String || InRange(p, type, v)).ToList()
            : [];
        IReadOnlyList<string> items = fromData.Count > 0 ? fromData : type switch
        {
            QueryParameterType.Int => Enumerable.Range(0, count).Select(i => Math.Min((p.Min ?? 1) + i, p.Max ?? long.MaxValue)).Distinct().Select(v => v.ToString(inv)).ToList(),
            QueryParameterType.Port => new[] { "443", "22", "3389" }.Take(count).ToList(),
            QueryParameterType.Date => Enumerable.Range(0, count).Select(i => DateOnly.FromDateTime(window.From).AddDays(i).ToString("yyyy-MM-dd", inv)).ToList(),
            QueryParameterType.Timestamp => Enumerable.Range(1, count).Select(i => TimeWindow.Format(window.From + ((window.To - window.From) * i / (count + 1)))).ToList(),
            QueryParameterType.Ip => await table.MostFrequentAsync(AddressColumn(p), window, count),
            QueryParameterType.Cidr => (await table.MostFrequentAsync(AddressColumn(p), window, count)).Select(a => a + (a.Contains(':') ? "/48" : "/16")).ToList(),
            QueryParameterType.Enum => p.Values.Take(count).ToList(),
            QueryParameterType.String => ["flowlog"],
            QueryParameterType.Decimal => new[] { "0.05", "0.0125", "1" }.Take(count).ToList(),
            QueryParameterType.Mapping => [await MappingFileAsync(p)],
            _ => throw new InvalidOperationException($"No sample for a {type.ToName()} parameter ('{p.Name}'); teach ParameterSamples the type."),
        };
        return items.Count > 0 ? items : throw new InvalidOperationException($"The data has no value for parameter '{p.Name}' ({type.ToName()}).");
    }

    /// <summary>A CSV giving the window's busiest instances a cost center each, in the mapping's declared columns.</summary>
    private async Task<string> MappingFileAsync(QueryParameterDefinition p)
    {
        var ids = await table.MostFrequentAsync("instance_id", window, 5);
        var path = Path.Combine(scratchFolder, $"{p.Name}-{Guid.NewGuid():N}.csv"); // removed with the fixture's data
        // A mapping with allowed keys (a price table) takes those, with a price in each decimal column.
        var keys = p.Values.Count > 0 ? p.Values.Take(5).ToList() : ids;
        var lines = keys.Select((key, i) => string.Join(",", p.Columns.Select((column, c) =>
            c == 0 ? key : p.DecimalColumns.Contains(column) ? $"0.0{i + 1}5" : $"team-{i % 2}")));
        await File.WriteAllLinesAsync(path, [string.Join(",", p.Columns), .. lines]);
        return path;
    }

    private static bool InRange(QueryParameterDefinition p, QueryParameterType type, string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
        && (type == QueryParameterType.Port ? number is >= 0 and <= 65535 : number >= (p.Min ?? long.MinValue) && number <= (p.Max ?? long.MaxValue));

    /// <summary>The address column a parameter names (<c>pkt_srcaddr</c>, <c>peer_dstaddr</c>), else <c>srcaddr</c>.</summary>
    private string AddressColumn(QueryParameterDefinition p) =>
        NamedColumn(p) is { } column && column.Name.EndsWith("addr", StringComparison.Ordinal) ? column.ColumnName : "srcaddr";

    /// <summary>The format's field whose column the parameter is named after: the name itself, or its last or first words.</summary>
    private FlowLogField? NamedColumn(QueryParameterDefinition p) => format.Fields
        .Where(f => p.Name == f.ColumnName || p.Name.EndsWith("_" + f.ColumnName, StringComparison.Ordinal) || p.Name.StartsWith(f.ColumnName + "_", StringComparison.Ordinal))
        .OrderByDescending(f => f.ColumnName.Length)
        .FirstOrDefault();
}
