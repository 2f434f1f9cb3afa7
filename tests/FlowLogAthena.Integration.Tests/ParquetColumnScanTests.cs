using Amazon.S3.Model;
using DuckDB.NET.Data;
using FlowLogAthena.Aws.Estimates;
using FlowLogAthena.Aws.Tests.Support;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Integration.Tests;

/// <summary>
/// estimate's Parquet side: the column chunks a query reads, summed from footers, equal DuckDB's own reading of the
/// same files' metadata; in S3 each object costs a ranged GET of its tail (and of its 4-byte magic), and the sum is the same.
/// </summary>
[Collection(CliMotoTests.Name)]
public sealed class ParquetColumnScanTests(CliAgainstMoto aws) : IDisposable
{
    private static readonly FlowLogFormat Format = FlowLogFormat.AllVpcFields;
    private static readonly string[] Columns = ["srcaddr", "dstaddr", "bytes", "start", "log_status"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(FlowLogSource Source, IReadOnlyList<LogFile> Files)> GenerateAsync()
    {
        var layout = new SourceLayout(PrefixStyle.Default, Partitioning.Daily, LogFileFormat.Parquet);
        var window = TimeWindow.Parse("2026-11-01", "2026-11-03");
        var source = new FlowLogSource(_temp.Combine("parquet"), Format, layout);
        await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = source.Root, Format = Format, Layout = layout, Window = window, Records = 30_000, Seed = 3 });
        return (source, await new LocalLogFileLister().ListAsync(source, window, CancellationToken.None));
    }

    /// <summary>DuckDB's sum of the chunks of <see cref="Columns"/> over every row group, and of the files' sizes.</summary>
    private static async Task<long> DuckDbColumnBytesAsync(IReadOnlyList<LogFile> files)
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var list = string.Join(", ", files.Select(f => $"'{f.Path.Replace("'", "''", StringComparison.Ordinal)}'"));
        var names = string.Join(", ", Columns.Select(c => $"'{c}'"));
        command.CommandText = $"SELECT CAST(sum(total_compressed_size) AS BIGINT) FROM parquet_metadata([{list}]) WHERE path_in_schema IN ({names})";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Local_footers_give_the_column_chunks_duckdb_reads_from_the_same_metadata()
    {
        var (_, files) = await GenerateAsync();

        var scan = await ParquetColumnScan.ForAsync(files, Columns, null, null, CancellationToken.None);

        Assert.Equal(files.Count, scan.Files);
        Assert.Equal(await DuckDbColumnBytesAsync(files), scan.ColumnBytes);
        Assert.True(scan.ColumnBytes < scan.ParquetBytes / 2, $"{scan.ColumnBytes} of {scan.ParquetBytes}: 5 of 54 columns should be well under half");
        Assert.InRange(scan.FooterBytes, files.Count * 100L, scan.ParquetBytes / 4);
        Assert.Equal(0, scan.Requests);
    }

    [Fact]
    public async Task In_s3_each_object_costs_two_small_ranged_gets_and_gives_the_same_sum()
    {
        var (source, files) = await GenerateAsync();
        var bucket = "footers-" + Guid.NewGuid().ToString("N")[..8];
        using var clients = aws.Moto.CreateClients();
        await clients.S3.PutBucketAsync(bucket);
        var remote = new List<LogFile>();
        foreach (var file in files)
        {
            var key = Path.GetRelativePath(source.Root, file.Path).Replace('\\', '/');
            await clients.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file.Path });
            remote.Add(file with { Path = $"s3://{bucket}/{key}" });
        }

        var local = await ParquetColumnScan.ForAsync(files, Columns, null, null, CancellationToken.None);
        var s3 = await ParquetColumnScan.ForAsync(remote, Columns, clients.S3, null, CancellationToken.None);

        Assert.Equal(local with { Requests = s3.Requests, BytesFetched = s3.BytesFetched }, s3);
        // Its last 64 KiB (the footer) and the 4-byte magic at its start: never its data.
        Assert.Equal(files.Sum(f => f.SizeBytes > 64 * 1024 ? 2 : 1), s3.Requests);
        Assert.Equal(files.Sum(f => Math.Min(f.SizeBytes, 64 * 1024) + (f.SizeBytes > 64 * 1024 ? 4 : 0)), s3.BytesFetched);
        Assert.Contains(files, f => f.SizeBytes > 64 * 1024);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_named_with_the_reason()
    {
        var (_, files) = await GenerateAsync();
        File.WriteAllText(files[1].Path, "not parquet at all, just text");

        var error = await Assert.ThrowsAsync<SourceException>(() =>
            ParquetColumnScan.ForAsync(files.Select(f => f with { SizeBytes = new FileInfo(f.Path).Length }).ToList(), Columns, null, null, CancellationToken.None));

        Assert.Contains($"Parquet flow log file '{files[1].Path}' has no readable footer (it does not end with PAR1)", error.Message, StringComparison.Ordinal);
    }
}
