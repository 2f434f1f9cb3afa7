using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.Athena.Results;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Bench;

/// <summary>The three steps of bench/athena-results.sh; each returns what it measured as key/value pairs.</summary>
internal static class Benchmarks
{
    // moto runs no SQL: the text only has to be an Athena query over the bench's table.
    private static readonly RenderedQuery Query = new(
        "top-talkers", SqlDialect.Athena, "SELECT srcaddr, dstaddr, bytes, packets, flows FROM \"flowlogs\".\"vpc\"",
        TimeWindow.Days(new DateOnly(2026, 11, 2), 1), new Dictionary<string, string>());

    private static readonly FlowLogSource Source = new("s3://flowlogs/vpc", FlowLogFormat.Default, SourceLayout.DefaultLayout);

    /// <summary>The order the engine makes its calls in, for the report.</summary>
    private static readonly string[] CallOrder = ["StartQueryExecution", "GetQueryExecution", "GetObject", "GetQueryResults"];

    private static readonly string ResultsLocation = $"s3://{Moto.Bucket}/results/";

    private static AthenaEngineOptions Options(string outputLocation) => new() { Database = "flowlogs", Table = "vpc", OutputLocation = outputLocation };

    /// <summary>Writes the result CSV to <paramref name="csvPath"/> (kept to check exports against) and puts it in moto's S3.</summary>
    public static async Task<Dictionary<string, string>> StageAsync(Moto moto, long rows, string csvPath, CancellationToken cancellationToken)
    {
        await using (var file = File.Create(csvPath))
            await BenchResult.WriteCsvAsync(file, rows, cancellationToken);
        using var s3 = moto.S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = Moto.Bucket }, cancellationToken);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Moto.Bucket, Key = Moto.StagedKey(rows), FilePath = csvPath }, cancellationToken);
        return new() { ["rows"] = $"{rows}", ["bytes"] = $"{new FileInfo(csvPath).Length}" };
    }

    /// <summary>
    /// Reads the staged result twice through the engine: (a) its normal path, one GET of the result object;
    /// (b) the GetQueryResults fallback, forced by an output location in a bucket that does not exist.
    /// </summary>
    public static async Task<Dictionary<string, string>> CompareAsync(Moto moto, long rows, CancellationToken cancellationToken)
    {
        var report = new Dictionary<string, string> { ["rows"] = $"{rows}" };
        var expected = BenchResult.TotalBytes(rows);
        using var staging = moto.S3();

        // moto ignores MaxResults, so the column-type read (MaxResults = 1) would carry every queued row:
        // queue the header and metadata only, what Athena answers to MaxResults = 1. The rows are in the object.
        await moto.QueueResultAsync(0, cancellationToken);
        await ReadAsync("object", AthenaResultSource.ResultObject, moto, staging, rows, ResultsLocation, expected, report, cancellationToken);

        await moto.QueueResultAsync(rows, cancellationToken);
        GC.Collect(); // the queued body is garbage now; do not let its collection land in the timed read
        await ReadAsync("pages", AthenaResultSource.ResultPages, moto, staging, rows, $"s3://missing-{Guid.NewGuid():N}/results/", expected, report, cancellationToken);
        return report;
    }

    private static async Task ReadAsync(
        string name, AthenaResultSource path, Moto moto, IAmazonS3 staging, long rows, string outputLocation, long expectedBytes, Dictionary<string, string> report, CancellationToken cancellationToken)
    {
        var athenaCalls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var athenaTime = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal); // request sent to answer read
        var s3Http = new CountingHttpClientFactory();
        using var aws = moto.Clients(trace: call =>
        {
            athenaCalls.AddOrUpdate(call.Operation, 1, (_, count) => count + 1);
            athenaTime.AddOrUpdate(call.Operation, call.Duration, (_, time) => time + call.Duration);
        });
        using var s3 = moto.S3(s3Http);
        var clock = new Stopwatch();
        // Only the object path gets its result object; the pages path's bucket does not exist.
        var athena = path == AthenaResultSource.ResultObject ? new StagedResultAthena(aws.Athena, staging, Moto.StagedKey(rows), clock) : aws.Athena;
        await using var engine = new AthenaEngine(Options(outputLocation), athena, s3);

        clock.Start();
        await using var result = (AthenaQueryResult)await new BoundTable(engine, Source, Query.Window, ownsEngine: false).ExecuteAsync(Query, cancellationToken);
        long count = 0, bytes = 0;
        await foreach (var row in result.ReadRowsAsync(cancellationToken))
        {
            count++;
            bytes += (long)row[2]!;
        }
        clock.Stop();

        if (result.Source != path)
            throw new InvalidOperationException($"{name}: the rows came from {result.Source}, not {path} ({result.FallbackReason}).");
        if (count != rows || bytes != expectedBytes)
            throw new InvalidOperationException($"{name}: read {count} rows totalling {bytes} bytes; expected {rows} rows totalling {expectedBytes}.");
        // Each S3 GET the engine sends is a GetObject (the only S3 call it makes while reading).
        var calls = athenaCalls.Select(c => (Name: c.Key, Count: c.Value))
            .Concat(s3Http.Requests.Select(r => (Name: r.Key == "GET" ? "GetObject" : $"S3 {r.Key}", Count: r.Value)))
            .OrderBy(c => Array.IndexOf(CallOrder, c.Name) is var i and >= 0 ? i : CallOrder.Length).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        report[$"{name}.source"] = $"{result.Source}";
        report[$"{name}.fallback"] = result.FallbackReason ?? "";
        report[$"{name}.calls"] = string.Join(", ", calls.Select(c => $"{c.Name} {c.Count}"));
        report[$"{name}.calls.total"] = $"{calls.Sum(c => c.Count)}";
        report[$"{name}.GetQueryResults"] = $"{athenaCalls.GetValueOrDefault("GetQueryResults")}";
        foreach (var (operation, time) in athenaTime)
            report[$"{name}.{operation}.seconds"] = $"{time.TotalSeconds:F2}";
        report[$"{name}.seconds"] = $"{clock.Elapsed.TotalSeconds:F2}";
    }

    /// <summary>
    /// The export as the CLI runs it (engine result → <see cref="CsvSink.ToFile"/>) on the S3 path, in a process
    /// of its own, reporting that process's peak resident set (VmHWM) after the file is complete.
    /// </summary>
    public static async Task<Dictionary<string, string>> ExportAsync(Moto moto, long rows, string outPath, CancellationToken cancellationToken)
    {
        await moto.QueueResultAsync(0, cancellationToken);
        using var aws = moto.Clients();
        var clock = new Stopwatch();
        await using var engine = new AthenaEngine(Options(ResultsLocation), new StagedResultAthena(aws.Athena, aws.S3, Moto.StagedKey(rows), clock), aws.S3);

        clock.Start();
        await using var result = await new BoundTable(engine, Source, Query.Window, ownsEngine: false).ExecuteAsync(Query, cancellationToken);
        var written = await CsvSink.ToFile(outPath).WriteAsync(result.Columns, result.ReadRowsAsync(cancellationToken), cancellationToken);
        clock.Stop();

        if (written != rows)
            throw new InvalidOperationException($"export wrote {written} rows; expected {rows}.");
        return new()
        {
            ["rows"] = $"{written}",
            ["seconds"] = $"{clock.Elapsed.TotalSeconds:F2}",
            ["bytes"] = $"{new FileInfo(outPath).Length}",
            ["peak_kb"] = $"{PeakResidentKb()}",
        };
    }

    /// <summary>This process's peak resident set size so far, from Linux's /proc/self/status (VmHWM).</summary>
    private static long PeakResidentKb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]);
    }
}
