using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Sinks;
using Spectre.Console;

namespace FlowLogAthena.Cli.Console;

/// <summary>Draws result rows as a table (numbers right-aligned, NULL shown dimmed).</summary>
public sealed class ConsoleTableSink(IAnsiConsole console, string? title = null) : IResultSink
{
    public async Task<long> WriteAsync(IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null) table.Title(Markup.Escape(title));
        foreach (var column in columns)
        {
            var tableColumn = new TableColumn(Markup.Escape(column.Name));
            if (IsNumeric(column.ClrType)) tableColumn.RightAligned();
            table.AddColumn(tableColumn);
        }
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            table.AddRow(row.Select(v => v is null ? new Markup("[dim]NULL[/]") : new Markup(Markup.Escape(ValueText.Format(v)))));
            count++;
        }
        console.Write(table);
        return count;
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal)
        || type == typeof(short) || type == typeof(System.Numerics.BigInteger) || type == typeof(float);
}
