using System.Diagnostics;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sinks;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Synthetic.Writing;

namespace FlowLogAthena.Synthetic;

/// <summary>
/// Writes synthetic VPC flow logs below a local root exactly as AWS lays them out in S3
/// (<c>root/AWSLogs/…</c>, AWS's folder and file names, gzip text or Parquet), for any format and layout.
/// Deterministic: the same options give byte-identical files, whatever the degree of parallelism.
/// </summary>
public static class FlowLogGenerator
{
    /// <summary>The files that GenerateAsync would write, with their records, without writing.</summary>
    public static GenerationPlan Plan(GeneratorOptions options) => GenerationPlan.Create(options);

    internal static IEnumerable<GeneratedFile> EnumerateFiles(GeneratorOptions options) => Plan(options).Files;

    /// <summary>Writes every planned file, in parallel. Each appears under its final name only once complete.</summary>
    /// <exception cref="GeneratorOptionsException">The options are invalid.</exception>
    public static Task<GenerationSummary> GenerateAsync(GeneratorOptions options, IProgress<GeneratorProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        GenerateAsync(Plan(options), progress, cancellationToken);

    public static async Task<GenerationSummary> GenerateAsync(GenerationPlan plan, IProgress<GeneratorProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var stopwatch = Stopwatch.StartNew();
        var files = plan.Files;
        foreach (var file in files) OutputTarget.CheckFile(file.FullPath, "--out");
        var written = new WrittenFile[files.Count];
        var gate = new Lock();
        int filesDone = 0;
        long recordsDone = 0, bytesDone = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = plan.Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, token) =>
        {
            var file = files[i];
            var bytes = await WriteFileAsync(file, token);
            written[i] = new WrittenFile(file.FullPath, file.RelativePath, file.RecordCount, bytes);
            GeneratorProgress report;
            lock (gate)
            {
                filesDone++;
                recordsDone += file.RecordCount;
                bytesDone += bytes;
                report = new GeneratorProgress(filesDone, files.Count, recordsDone, plan.Records, bytesDone);
            }
            progress?.Report(report);
        });
        return new GenerationSummary(written, recordsDone, bytesDone, stopwatch.Elapsed);
    }

    /// <summary>Through <see cref="AtomicFile"/>, so readers never see half a file and only a regular file is replaced.</summary>
    private static Task<long> WriteFileAsync(GeneratedFile file, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(file.FullPath, async (stream, token) =>
        {
            var records = file.OpenStream();
            if (file.Layout.FileFormat == LogFileFormat.Parquet)
                await ParquetLogWriter.WriteAsync(stream, records, file.Encoder, file.Format, token);
            else
                await TextLogWriter.WriteAsync(stream, records, file.Encoder, token);
            await stream.FlushAsync(token);
            return stream.Length;
        }, cancellationToken);
}
