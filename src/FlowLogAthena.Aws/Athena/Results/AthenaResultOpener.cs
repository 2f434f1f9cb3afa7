using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Core.Engines;

namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>
/// Opens a finished query's rows: one GET of the result CSV in S3, its header row giving the column
/// names and, when asked, one <c>GetQueryResults(MaxResults=1)</c> giving their types (the first page's
/// ResultSetMetadata). Only when the object cannot be read (no output location, managed results, access
/// denied, missing key, wrong bucket owner) do the rows come from GetQueryResults pages instead.
/// </summary>
internal sealed class AthenaResultOpener(IAthenaApi athena, IAmazonS3 s3, AthenaEngineOptions options)
{
    public async Task<AthenaQueryResult> OpenAsync(QueryExecution execution, QueryStats stats, CancellationToken cancellationToken)
    {
        var id = execution.QueryExecutionId!;
        string reason;
        if (ResultObjectLocation.TryParse(execution.ResultConfiguration?.OutputLocation) is { } location)
        {
            GetObjectResponse? response = null;
            try
            {
                response = await s3.GetObjectAsync(
                    new GetObjectRequest { BucketName = location.Bucket, Key = location.Key, ExpectedBucketOwner = options.ExpectedBucketOwner },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException e) when (S3.S3Failures.Is(e, cancellationToken))
            {
                reason = $"{location} could not be read ({e.ErrorCode ?? e.StatusCode.ToString()}: {e.Message})";
                return await OpenPagesAsync(id, stats, reason, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await OpenObjectAsync(id, response, stats, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        reason = execution.ResultConfiguration?.OutputLocation is { } other
            ? $"the output location '{other}' is not an S3 object"
            : "the execution has no output location (managed query results?)";
        return await OpenPagesAsync(id, stats, reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AthenaQueryResult> OpenObjectAsync(string id, GetObjectResponse response, QueryStats stats, CancellationToken cancellationToken)
    {
        var reader = new CsvRecordReader(response.ResponseStream);
        // An empty object (a statement without output) has no header: no columns, no rows.
        var header = await reader.ReadRecordAsync(cancellationToken).ConfigureAwait(false) ?? [];
        var names = header.Select((name, i) => name ?? $"_col{i}").ToArray();
        var types = options.ReadColumnTypes && names.Length > 0 ? await ReadTypesAsync(id, names, cancellationToken).ConfigureAwait(false) : null;
        var columns = names.Select((name, i) => AthenaValueParser.Column(name, types?[i] ?? "varchar")).ToArray();
        return new AthenaQueryResult(columns, stats, new CsvObjectRowSource(response, reader), AthenaResultSource.ResultObject, null, $"s3://{response.BucketName}/{response.Key}");
    }

    /// <summary>Column types from the first result page's metadata, matched by position; null if they do not line up.</summary>
    private async Task<string[]?> ReadTypesAsync(string id, string[] names, CancellationToken cancellationToken)
    {
        var page = await athena.GetQueryResultsAsync(new GetQueryResultsRequest { QueryExecutionId = id, MaxResults = 1 }, cancellationToken).ConfigureAwait(false);
        var info = page.ResultSet?.ResultSetMetadata?.ColumnInfo;
        return info is not null && info.Count == names.Length ? info.Select(c => c.Type).ToArray() : null;
    }

    private async Task<AthenaQueryResult> OpenPagesAsync(string id, QueryStats stats, string reason, CancellationToken cancellationToken)
    {
        var first = await athena.GetQueryResultsAsync(
            new GetQueryResultsRequest { QueryExecutionId = id, MaxResults = options.ResultPageSize }, cancellationToken).ConfigureAwait(false);
        var info = first.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
        var columns = info.Select(c => AthenaValueParser.Column(c.Label ?? c.Name, c.Type)).ToArray();
        // For SELECT, Athena's first row of the first page repeats the column names; DDL/utility output has no such row.
        var firstRow = first.ResultSet?.Rows is { Count: > 0 } rows ? ResultPagesRowSource.Values(rows[0]) : null;
        var skipHeader = firstRow is not null && firstRow.SequenceEqual(columns.Select(c => c.Name));
        var source = new ResultPagesRowSource(athena, id, first, skipHeader, options.ResultPageSize);
        return new AthenaQueryResult(columns, stats, source, AthenaResultSource.ResultPages, reason);
    }
}
