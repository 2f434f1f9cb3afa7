using System.Runtime.CompilerServices;
using Amazon.S3.Model;

namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>Rows streamed from the one GET of the result CSV; the header was read when it was opened.</summary>
internal sealed class CsvObjectRowSource(GetObjectResponse response, CsvRecordReader reader) : IResultRowSource
{
    public async IAsyncEnumerable<string?[]> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadRecordAsync(cancellationToken).ConfigureAwait(false) is { } record)
            yield return record;
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
