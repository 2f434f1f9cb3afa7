using System.Text;
using System.Text.Json;

namespace FlowLogAthena.Bench;

/// <summary>
/// A deterministic result shaped like top-talkers (srcaddr, dstaddr, bytes, packets, flows), ordered by
/// bytes descending, as Athena's text: the CSV object Athena writes and the rows GetQueryResults returns.
/// </summary>
internal static class BenchResult
{
    public static readonly (string Name, string Type)[] Columns =
        [("srcaddr", "varchar"), ("dstaddr", "varchar"), ("bytes", "bigint"), ("packets", "bigint"), ("flows", "bigint")];

    /// <summary>Row <paramref name="i"/> of <paramref name="count"/>; bytes fall strictly as i grows.</summary>
    public static string[] Row(long i, long count)
    {
        var bytes = Bytes(i, count);
        var h = (uint)(i * 2654435761L); // Knuth's multiplicative hash spreads the destinations
        return
        [
            $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}",
            $"172.{16 + (h >> 28)}.{(h >> 16) & 255}.{h & 255}",
            bytes.ToString(),
            (bytes / 900 + 1).ToString(),
            (i % 50 + 1).ToString(),
        ];
    }

    public static long Bytes(long i, long count) => (count - i) * 1_000 + i % 997;

    /// <summary>The sum of the bytes column: both read paths must arrive at it.</summary>
    public static long TotalBytes(long count)
    {
        long total = 0;
        for (long i = 0; i < count; i++) total += Bytes(i, count);
        return total;
    }

    /// <summary>The result object as Athena writes it: header first, every value quoted, LF line ends.</summary>
    public static async Task WriteCsvAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(Quoted(Columns.Select(c => c.Name)).AsMemory(), cancellationToken);
        for (long i = 0; i < count; i++)
            await writer.WriteLineAsync(Quoted(Row(i, count)).AsMemory(), cancellationToken);
    }

    /// <summary>
    /// The body of moto's <c>/moto-api/static/athena/query-results</c>: one result, header row first as
    /// GetQueryResults returns it, then <paramref name="count"/> rows (0 for the header and metadata only).
    /// </summary>
    public static MemoryStream MotoQueueBody(string region, long count)
    {
        var body = new MemoryStream();
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("region", region);
        json.WriteStartArray("results");
        json.WriteStartObject();
        json.WriteStartArray("rows");
        WriteRow(json, Columns.Select(c => c.Name));
        for (long i = 0; i < count; i++)
            WriteRow(json, Row(i, count));
        json.WriteEndArray();
        json.WriteStartArray("column_info");
        foreach (var (name, type) in Columns)
        {
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("Label", name);
            json.WriteString("Type", type);
            json.WriteString("Nullable", "UNKNOWN");
            json.WriteBoolean("CaseSensitive", type == "varchar");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        body.Position = 0;
        return body;
    }

    private static void WriteRow(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartObject();
        json.WriteStartArray("Data");
        foreach (var value in values)
        {
            json.WriteStartObject();
            json.WriteString("VarCharValue", value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(',', values.Select(v => $"\"{v}\""));
}
