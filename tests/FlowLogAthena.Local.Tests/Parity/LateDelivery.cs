using System.IO.Compression;
using System.Text;
using DuckDB.NET.Data;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>
/// A late delivery: AWS files a record under the folder of the time it delivers it, so a flow that starts in the
/// window's last minutes can land in the partition after the window. Both engines read only the window's
/// partitions (the rule), so such records are outside both answers. Writing one late file per account
/// and region makes the upper end of the Athena partition predicate matter to the result: a predicate one
/// partition too wide would count the records, the local engine's file listing would not.
/// </summary>
public static class LateDelivery
{
    /// <summary>Late records start this close to the window's end (AWS delivers within about 10 minutes).</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(10);

    /// <summary>Copies the records starting in the window's last minutes into a file in the partition after it; returns how many.</summary>
    public static async Task<int> WriteAsync(FlowLogSource source, TimeWindow window)
    {
        var layout = source.Layout;
        if (layout.FileFormat != LogFileFormat.Text) throw new ArgumentException("Late files are written as gzip text.", nameof(source));
        var last = PartitionPaths.PartitionsOverlapping(layout.Partitioning, window.From, window.To).Last();
        var next = last + PartitionPaths.PartitionLength(layout.Partitioning);
        var files = await new LocalLogFileLister().ListAsync(source, window, CancellationToken.None);
        var start = DuckDbSql.Identifier("start");
        var line = "concat_ws(' ', " + string.Join(", ", source.Format.Fields.Select(f => $"COALESCE(CAST({DuckDbSql.Identifier(f.ColumnName)} AS VARCHAR), '-')")) + ")";

        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        var written = 0;
        foreach (var group in files.Where(f => f.PartitionStartUtc == last).GroupBy(f => (f.Account, f.Region)))
        {
            await using (var view = connection.CreateCommand())
            {
                view.CommandText = FlowLogViewSql.Create("last_partition", source, group.ToList());
                await view.ExecuteNonQueryAsync();
            }
            var lines = new List<string>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT {line} FROM last_partition WHERE {start} >= {window.ToUnixSecondsExclusive - (long)Lead.TotalSeconds} AND {start} < {window.ToUnixSecondsExclusive} ORDER BY 1";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
            }
            if (lines.Count == 0) continue;

            var (account, region) = group.Key;
            var folder = Path.Combine(source.Root, PartitionPaths.PartitionPrefix(layout, account, region, next));
            var name = PartitionPaths.FileName(layout, account, region, "fl-0late0delivery00", next.AddMinutes(5), "late");
            Directory.CreateDirectory(folder);
            await using var file = File.Create(Path.Combine(folder, name));
            await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            var header = string.Join(' ', source.Format.Fields.Select(f => f.Name));
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", lines) + "\n"));
            written += lines.Count;
        }
        return written;
    }
}
