using System.Runtime.CompilerServices;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>Where an Athena result's rows came from.</summary>
public enum AthenaResultSource
{
    /// <summary>One GET of the result CSV in S3, streamed.</summary>
    ResultObject,

    /// <summary>GetQueryResults pages: the result object could not be read.</summary>
    ResultPages,
}

/// <summary>The rows of a finished Athena query, typed by its columns and streamed once.</summary>
public sealed class AthenaQueryResult : QueryResult
{
    private readonly IResultRowSource _rows;
    private readonly QueryStats _stats;
    private readonly string? _resultObject;

    internal AthenaQueryResult(IReadOnlyList<ResultColumn> columns, QueryStats stats, IResultRowSource rows, AthenaResultSource source, string? fallbackReason, string? resultObject = null)
    {
        _resultObject = resultObject;
        Columns = columns;
        _stats = stats;
        _rows = rows;
        Source = source;
        FallbackReason = fallbackReason;
    }

    public override IReadOnlyList<ResultColumn> Columns { get; }

    public override QueryStats Stats => _stats;

    public AthenaResultSource Source { get; }

    /// <summary>The result CSV Athena wrote, when the rows are read from it.</summary>
    public override string? CompleteCsvObject => _resultObject;

    /// <summary>Why the result object was not used, when <see cref="Source"/> is <see cref="AthenaResultSource.ResultPages"/>.</summary>
    public string? FallbackReason { get; }

    public override async IAsyncEnumerable<object?[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var rows = _rows.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(rows).ConfigureAwait(false))
        {
            var row = Convert(rows.Current);
            _stats.RowsReturned++;
            yield return row;
        }
    }

    private async ValueTask<bool> NextAsync(IAsyncEnumerator<string?[]> rows)
    {
        try
        {
            return await rows.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or Amazon.Runtime.AmazonServiceException)
        {
            // The query succeeded; its result broke off or is malformed. Nothing can be re-read from here.
            throw new QueryExecutionException($"Athena query {_stats.ExecutionId}: reading result row {_stats.RowsReturned + 1} failed: {e.Message}", e);
        }
    }

    private object?[] Convert(string?[] text)
    {
        if (text.Length != Columns.Count)
            throw new QueryExecutionException(
                $"Athena query {_stats.ExecutionId}: result row {_stats.RowsReturned + 1} has {text.Length} values for {Columns.Count} columns.");
        var row = new object?[text.Length];
        try
        {
            for (var i = 0; i < row.Length; i++)
                row[i] = AthenaValueParser.Parse(Columns[i], text[i]);
        }
        catch (FormatException e)
        {
            throw new QueryExecutionException($"Athena query {_stats.ExecutionId}, result row {_stats.RowsReturned + 1}: {e.Message}", e);
        }
        return row;
    }

    public override ValueTask DisposeAsync() => _rows.DisposeAsync();
}
