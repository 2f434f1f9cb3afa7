using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Aws.S3;

/// <summary>
/// Writes a result to an S3 object: the rows are serialised to a local temporary file by the inner file
/// sink (CSV or JSON lines), then uploaded in one piece, so the object appears only when complete.
/// </summary>
public sealed class S3ResultSink(S3Uploader uploader, S3Location target, Func<string, IResultSink> fileSink, string contentType) : IResultSink
{
    public async Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flowlog-athena", Guid.NewGuid().ToString("N"));
        var local = Path.Combine(folder, Path.GetFileName(target.Key));
        try
        {
            var count = await fileSink(local).WriteAsync(columns, rows, cancellationToken).ConfigureAwait(false);
            await uploader.UploadAsync(local, target, contentType, cancellationToken).ConfigureAwait(false);
            return count;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
