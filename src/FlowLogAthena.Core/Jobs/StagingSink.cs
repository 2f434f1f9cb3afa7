using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// Writes one result to a local staging file per output format the job asks for (CSV, JSON lines), reading the
/// engine's rows once: with two formats the rows are kept in memory while the first file is written.
/// </summary>
internal sealed class StagingSink(IReadOnlyDictionary<ResultFormat, string> files) : IResultSink
{
    public async Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var formats = files.Keys.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (formats.Count == 1) return await SinkFor(formats[0]).WriteAsync(columns, rows, cancellationToken).ConfigureAwait(false);

        var kept = new List<object?[]>();
        var count = await SinkFor(formats[0]).WriteAsync(columns, Keep(rows, kept, cancellationToken), cancellationToken).ConfigureAwait(false);
        foreach (var format in formats.Skip(1))
            await SinkFor(format).WriteAsync(columns, kept.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);
        return count;
    }

    private IResultSink SinkFor(ResultFormat format) => format.ToFile(files[format]);

    private static async IAsyncEnumerable<object?[]> Keep(IAsyncEnumerable<object?[]> rows, List<object?[]> kept,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            kept.Add(row);
            yield return row;
        }
    }
}
