using Amazon.S3;
using FlowLogAthena.Aws.Athena.Results;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Running;

namespace FlowLogAthena.Aws.Athena;

/// <summary>
/// Runs rendered queries on Amazon Athena against the provisioned Glue table: StartQueryExecution (workgroup,
/// output location, encryption, expected bucket owner, a client request token), GetQueryExecution polls with
/// capped jittered backoff, StopQueryExecution on cancellation or timeout, rows streamed from the result CSV
/// in S3 (GetQueryResults pages only when that object cannot be read), stats with the cost estimate.
/// </summary>
public sealed class AthenaEngine : IQueryEngine
{
    private readonly AthenaEngineOptions _options;
    private readonly IAthenaApi _athena;
    private readonly IAmazonS3 _s3;
    private readonly IProgress<AthenaQueryProgress>? _progress;
    private readonly TimeProvider _time;

    public AthenaEngine(AthenaEngineOptions options, IAthenaApi athena, IAmazonS3 s3, IProgress<AthenaQueryProgress>? progress = null, TimeProvider? time = null)
    {
        options.Validate();
        _options = options;
        _athena = athena;
        _s3 = s3;
        _progress = progress;
        _time = time ?? TimeProvider.System;
    }

    public EngineKind Kind => EngineKind.Athena;

    public SqlDialect Dialect => SqlDialect.Athena;

    public string TableReference => _options.TableReference;

    public ReferenceTables References => new() { AwsIpRanges = _options.IpRangesTable, Interfaces = _options.InventoryTable };

    /// <summary>Source of poll jitter; replaceable for deterministic tests.</summary>
    public Random Jitter { get; init; } = Random.Shared;

    public async Task<QueryResult> ExecuteAsync(RenderedQuery query, BoundTable table, CancellationToken cancellationToken)
    {
        var source = table.Source;
        if (query.Dialect != SqlDialect.Athena)
            throw new ArgumentException($"Query '{query.QueryId}' was rendered for {query.Dialect}, not Athena.", nameof(query));
        if (!source.IsS3)
            throw new SourceException(
                $"The Athena engine queries the Glue table {TableReference} over flow logs in S3; '{source.Root}' is a local folder. Use --engine local, or upload the logs.");

        var execution = await RunToSuccessAsync(StartRequest(query.Sql, query.ExecutionParameters), cancellationToken).ConfigureAwait(false);
        var id = execution.QueryExecutionId!;
        var state = execution.Status?.State!;
        var scanned = execution.Statistics?.DataScannedInBytes ?? 0;
        var stats = new QueryStats
        {
            ExecutionId = id,
            State = state,
            BytesScanned = scanned,
            EngineTime = TimeSpan.FromMilliseconds(execution.Statistics?.EngineExecutionTimeInMillis ?? 0),
            CostUsd = AthenaCost.EstimateUsd(scanned, execution.StatementType),
        };
        return await new AthenaResultOpener(_athena, _s3, _options).OpenAsync(execution, stats, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a statement the tool writes itself (compaction's UNLOAD), never a pack's query, with the same start,
    /// polling, stop-on-cancel and timeout as a query; returns its succeeded execution.
    /// </summary>
    /// <exception cref="AthenaQueryFailedException">It failed or was cancelled in Athena.</exception>
    public Task<QueryExecution> RunStatementAsync(string sql, CancellationToken cancellationToken) =>
        RunToSuccessAsync(StartRequest(sql, null), cancellationToken);

    private async Task<QueryExecution> RunToSuccessAsync(StartQueryExecutionRequest start, CancellationToken cancellationToken)
    {
        var waiter = new AthenaExecutionWaiter(_athena, _options, _progress, _time, Jitter);
        var execution = await waiter.RunAsync(start, cancellationToken).ConfigureAwait(false);
        var state = execution.Status?.State!;
        if (state != QueryStates.Succeeded)
            throw new AthenaQueryFailedException(execution.QueryExecutionId!, state, execution.Status?.StateChangeReason, execution.Status?.AthenaError);
        return execution;
    }

    private StartQueryExecutionRequest StartRequest(string sql, IReadOnlyList<string>? executionParameters)
    {
        var encryption = _options.EncryptionOption is { } option
            ? new EncryptionConfiguration { EncryptionOption = option, KmsKey = option == EncryptionOptions.SseS3 ? null : _options.KmsKey }
            : null;
        var hasResultSettings = _options.OutputLocation is not null || encryption is not null || _options.ExpectedBucketOwner is not null;
        return new StartQueryExecutionRequest
        {
            QueryString = sql,
            ExecutionParameters = executionParameters is { Count: > 0 } bound ? bound : null,
            // One token per execution: a start retried after a lost answer returns the same execution.
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            WorkGroup = _options.WorkGroup,
            QueryExecutionContext = new QueryExecutionContext { Database = _options.Database, Catalog = _options.Catalog },
            ResultConfiguration = hasResultSettings
                ? new ResultConfiguration { OutputLocation = _options.OutputLocation, EncryptionConfiguration = encryption, ExpectedBucketOwner = _options.ExpectedBucketOwner }
                : null,
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
