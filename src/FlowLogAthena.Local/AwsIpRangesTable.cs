using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.IpRanges;

namespace FlowLogAthena.Local;

/// <summary>
/// AWS's address ranges as the table <c>aws_ip_ranges</c> in a query connection (<see cref="AwsIpRangeRows"/>: one row
/// per interval and bucket), filled through DuckDB's appender before the connection is locked down.
/// </summary>
internal sealed class AwsIpRangesTable(AwsAddressIndex index)
{
    public const string Name = "aws_ip_ranges";

    private readonly Lazy<IReadOnlyList<AwsIpRangeRows.Row>> _rows = new(() => [.. AwsIpRangeRows.Of(index)]);

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
