using System.Runtime.CompilerServices;

namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>Rows from GetQueryResults pages (at most 1,000 rows a call), starting with a page already fetched.</summary>
internal sealed class ResultPagesRowSource(IAthenaApi athena, string executionId, GetQueryResultsResponse firstPage, bool skipFirstRow, int pageSize) : IResultRowSource
{
    public async IAsyncEnumerable<string?[]> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = firstPage;
        var skip = skipFirstRow;
        while (true)
        {
            foreach (var row in page.ResultSet?.Rows ?? [])
            {
                if (skip)
                {
                    skip = false;
                    continue;
                }
                yield return Values(row);
            }
            if (page.NextToken is not { } token)
                yield break;
            page = await athena.GetQueryResultsAsync(
                new GetQueryResultsRequest { QueryExecutionId = executionId, NextToken = token, MaxResults = pageSize }, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string?[] Values(Row row) => row.Data?.Select(d => d.VarCharValue).ToArray() ?? [];

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
