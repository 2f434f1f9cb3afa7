using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local;

/// <summary>Rows of one DuckDB query, read as DuckDB produces them; owns the connection.</summary>
internal sealed class DuckDbQueryResult : QueryResult
{
    private readonly DuckDBConnection _connection;
    private readonly bool _ownsConnection;
    private readonly DbDataReader _reader;
    private readonly IReadOnlyList<LogFile> _files;
    private readonly Stopwatch _clock;
    private readonly QueryStats _stats;

    private DuckDbQueryResult(DuckDBConnection connection, bool ownsConnection, DbDataReader reader, IReadOnlyList<LogFile> files, Stopwatch clock)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        _reader = reader;
        _files = files;
        _clock = clock;
        Columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i), reader.GetFieldType(i)))
            .ToArray();
        _stats = new QueryStats
        {
            FilesRead = files.Count,
            BytesScanned = files.Sum(f => f.SizeBytes),
            EngineTime = clock.Elapsed,
        };
    }

    public override IReadOnlyList<ResultColumn> Columns { get; }

    public override QueryStats Stats => _stats;

    /// <param name="ownsConnection">Whether disposing the result closes the connection (not when the engine keeps a materialized window on it).</param>
    public static async Task<DuckDbQueryResult> StartAsync(DuckDBConnection connection, bool ownsConnection, RenderedQuery query, IReadOnlyList<LogFile> files, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // DuckDB runs the query inside ExecuteReader; run it off the caller's thread so progress can render,
        // and interrupt DuckDB (not just stop waiting) when the token fires.
        using var interrupt = cancellationToken.Register(static c => ((DuckDBConnection)c!).CreateCommand().Cancel(), connection);
        try
        {
            var reader = await Task.Run(
                () => connection.ExecuteReaderAsync(new CommandDefinition(query.Sql, cancellationToken: cancellationToken)),
                CancellationToken.None).ConfigureAwait(false);
            return new DuckDbQueryResult(connection, ownsConnection, reader, files, clock);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw DuckDbErrors.Translate(e, query, files);
        }
    }

    public override async IAsyncEnumerable<object?[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var interrupt = cancellationToken.Register(static c => ((DuckDBConnection)c!).CreateCommand().Cancel(), _connection);
        while (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[_reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = _reader.IsDBNull(i) ? null : _reader.GetValue(i);
            _stats.RowsReturned++;
            yield return row;
        }
        _stats.EngineTime = _clock.Elapsed;
    }

    public override async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        if (_ownsConnection) await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
