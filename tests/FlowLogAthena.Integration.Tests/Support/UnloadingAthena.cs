using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Local.Tests.Parity;

namespace FlowLogAthena.Integration.Tests.Support;

/// <summary>
/// Stands in for Athena running an <c>UNLOAD</c> (moto runs no SQL): the statement's SELECT runs in DuckDB against
/// the Glue-shaped copy of the text table, and its Parquet, in the <c>key=value/</c> folders of
/// <c>partitioned_by</c>, is put below the TO location in moto's S3 — which, as on Athena, must be empty. The
/// execution itself is moto's (so it can be held and stopped); <see cref="FailAfterWriting"/> makes it end FAILED
/// after writing, leaving its files behind as Athena does.
/// </summary>
public sealed partial class UnloadingAthena(IAthenaApi inner, IAmazonS3 s3, GlueTableOnDuckDb table, string scratch) : IAthenaApi
{
    private readonly HashSet<string> _failed = [];

    public bool FailAfterWriting { get; init; }

    public List<string> Statements { get; } = [];

    public int Stops { get; private set; }

    public async Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        var sql = request.QueryString!;
        Statements.Add(sql);
        var match = UnloadPattern().Match(sql);
        Assert.True(match.Success, $"not an UNLOAD the stand-in understands: {sql}");
        var response = await inner.StartQueryExecutionAsync(request, cancellationToken);
        await UnloadAsync(match.Groups["select"].Value, match.Groups["to"].Value, match.Groups["keys"].Value, cancellationToken);
        if (FailAfterWriting) _failed.Add(response.QueryExecutionId!);
        return response;
    }

    public async Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        var response = await inner.GetQueryExecutionAsync(request, cancellationToken);
        if (!_failed.Contains(request.QueryExecutionId)) return response;
        var execution = response.QueryExecution!;
        return response with
        {
            QueryExecution = execution with
            {
                Status = execution.Status! with { State = QueryStates.Failed, StateChangeReason = "HIVE_BAD_DATA: the stand-in failed after writing" },
            },
        };
    }

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken) =>
        inner.GetQueryResultsAsync(request, cancellationToken);

    public Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        Stops++;
        return inner.StopQueryExecutionAsync(request, cancellationToken);
    }

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken) =>
        inner.GetWorkGroupAsync(request, cancellationToken);

    private async Task UnloadAsync(string select, string to, string keys, CancellationToken cancellationToken)
    {
        var target = to["s3://".Length..];
        var (bucket, prefix) = (target[..target.IndexOf('/')], target[(target.IndexOf('/') + 1)..]);
        var existing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix }, cancellationToken);
        if (existing.S3Objects is [var first, ..]) Assert.Fail($"UNLOAD needs an empty location; {to} holds {first.Key}");

        Directory.CreateDirectory(scratch);
        var folder = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
        var partitionBy = keys.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(k => k.Trim('\'')).ToList();
        await table.WriteParquetAsync(select, folder, partitionBy);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = prefix + Path.GetRelativePath(folder, file).Replace('\\', '/'), FilePath = file }, cancellationToken);
        Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex(@"^UNLOAD \((?<select>SELECT .*)\) TO '(?<to>s3://[^']+/)' WITH \(format = 'PARQUET', compression = 'ZSTD', partitioned_by = ARRAY\[(?<keys>[^\]]*)\]\)$", RegexOptions.Singleline)]
    private static partial Regex UnloadPattern();
}
