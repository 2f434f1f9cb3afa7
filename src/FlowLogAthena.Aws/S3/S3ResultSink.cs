using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// Writes a result to an S3 object: the rows are serialised to a local temporary file by the inner file
/// sink (CSV or JSON lines), then uploaded in one piece, so the object appears only when complete.
/// The SHA-256 and size of what was uploaded are kept for the export manifest.
/// </summary>
/// <remarks>With <paramref name="copiesCsvResults"/>, a result the engine already wrote as CSV (Athena's result
/// object) is copied server-side instead: its rows are only counted, nothing is uploaded.</remarks>
public sealed class S3ResultSink(S3Uploader uploader, S3Uri target, ResultFormat format, bool copiesCsvResults = false) : IResultSink
{
    /// <summary>The object this export was copied from, when it was a server-side copy.</summary>
    public string? CopiedFrom { get; private set; }

    public async Task<long> WriteResultAsync(QueryResult result, CancellationToken cancellationToken)
    {
        if (!copiesCsvResults || result.CompleteCsvObject is not { } source)
            return await WriteAsync(result.Columns, result.ReadRowsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        long rows = 0;
        await foreach (var _ in result.ReadRowsAsync(cancellationToken).ConfigureAwait(false)) rows++;
        await uploader.CopyAsync(S3Uri.Parse(source), target, cancellationToken).ConfigureAwait(false);
        CopiedFrom = source;
        return rows;
    }

    public S3Uri Target => target;

    public S3Uploader Uploader => uploader;

    public ResultFormat Format => format;

    public string? Sha256 { get; private set; }

    public long Bytes { get; private set; }

    public async Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var staging = StagingFolder.Create("export");
        var local = staging.FileNamed(Path.GetFileName(target.Key));
        var count = await format.ToFile(local).WriteAsync(columns, rows, cancellationToken).ConfigureAwait(false);
        (Sha256, Bytes) = await FileDigest.OfAsync(local, cancellationToken).ConfigureAwait(false);
        await uploader.UploadAsync(local, target, format.ContentType, cancellationToken).ConfigureAwait(false);
        return count;
    }
}
