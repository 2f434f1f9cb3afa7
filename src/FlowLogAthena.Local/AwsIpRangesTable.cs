using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Local;

/// <summary>
/// AWS's address ranges as the table <c>aws_ip_ranges</c> in a query connection (<see cref="AwsIpRangeRows"/>: one row
/// per interval and bucket), filled through DuckDB's appender, in memory (so also after the lockdown), the first time a
/// query of that connection reads it.
/// </summary>
internal sealed class AwsIpRangesTable(Lazy<AwsAddressIndex> index)
{
    public const string Name = "aws_ip_ranges";

    /// <summary>The table as rendered SQL names it: a query holding this reads the table.</summary>
    public static readonly string Reference = DuckDbSql.Identifier(Name);

    private readonly Lazy<IReadOnlyList<AwsIpRangeRows.Row>> _rows = new(() => [.. AwsIpRangeRows.Of(index.Value)]);

    public async Task CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", AwsIpRangeRows.Columns.Select(c => DuckDbSql.Identifier(c) + " VARCHAR"));
        await connection.ExecuteAsync(new CommandDefinition($"CREATE TABLE {DuckDbSql.Identifier(Name)} ({columns})", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        using var appender = connection.CreateAppender(Name);
        foreach (var row in _rows.Value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var match = row.Match;
            appender.CreateRow()
                .AppendValue(row.Bucket).AppendValue(row.FirstHex).AppendValue(row.LastHex)
                .AppendValue(match.Service).AppendValue(match.Services).AppendValue(match.Region)
                .AppendValue(match.NetworkBorderGroup).AppendValue(match.Prefix)
                .EndRow();
        }
    }
}
