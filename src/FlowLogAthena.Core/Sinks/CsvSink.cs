using System.Text;
using FlowLogAthena.Core.Engines;

namespace FlowLogAthena.Core.Sinks;

/// <summary>
/// RFC 4180 CSV: a header of column names, CRLF line ends, fields quoted only when they hold a comma,
/// quote, CR or LF (quotes doubled), NULL as an empty field. To a file atomically, or to a stream.
/// </summary>
public sealed class CsvSink : StreamResultSink
{
    private CsvSink(string? path, Stream? stream)
        : base(path, stream)
    {
    }

    public static CsvSink ToFile(string path) => new(path, null);

    public static CsvSink ToStream(Stream stream) => new(null, stream);

    protected override async Task<long> WriteToAsync(Stream stream, IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => Escape(c.Name)))).ConfigureAwait(false);
        long count = 0;
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append(',');
                line.Append(Escape(ValueText.Format(row[i])));
            }
            await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            count++;
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
