using System.Globalization;
using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.Runtime.Retries;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Compaction;

/// <summary>
/// The twin's Glue table: a projected Parquet table over the twin source, with the text table's columns and
/// partition keys. Its accounts, regions and first day follow the text table's projection (or, for a text table
/// with explicit partitions, the source's folders and the window), and never shrink: what an existing twin
/// enumerates is kept. Created when missing, brought up to date when it is the twin of the same prefix, refused when
/// the name is taken by a table over another location.
/// </summary>
public sealed class TwinTable(IGlueApi glue, AwsRetryPolicy? retry, S3LogFileLister lister)
{
    public async Task<(TableDefinition Definition, ProvisionResult Result)> EnsureAsync(
        string database, string textTable, string twinTable, FlowLogSource text, FlowLogSource twin, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var textDefinition = await ReadAsync(database, textTable, cancellationToken).ConfigureAwait(false)
            ?? throw new SourceException($"Glue table {database}.{textTable} does not exist; provision the text table first.");
        var existing = await ReadAsync(database, twinTable, cancellationToken).ConfigureAwait(false);

        var accounts = new SortedSet<string>(EnumValues(textDefinition, PartitionColumns.Account), StringComparer.Ordinal);
        var regions = new SortedSet<string>(EnumValues(textDefinition, PartitionColumns.Region), StringComparer.Ordinal);
        if (accounts.Count == 0 || regions.Count == 0)
            foreach (var (account, region) in await lister.AccountsAndRegionsAsync(text, cancellationToken).ConfigureAwait(false))
            {
                accounts.Add(account);
                regions.Add(region);
            }
        var start = StartOf(textDefinition, text.Layout.Prefix) is { } textStart && textStart < firstDay ? textStart : firstDay;
        if (existing is not null)
        {
            accounts.UnionWith(EnumValues(existing, PartitionColumns.Account));
            regions.UnionWith(EnumValues(existing, PartitionColumns.Region));
            if (StartOf(existing, twin.Layout.Prefix) is { } twinStart && twinStart < start) start = twinStart;
        }

        var wanted = TableDefinition.For(twin, new TableOptions
        {
            Database = database,
            Table = twinTable,
            Partitions = PartitionMode.Projection,
            StartDate = start,
            Accounts = [.. accounts],
            Regions = [.. regions],
        });
        if (existing is not null && !string.Equals(existing.Storage.Location.TrimEnd('/'), wanted.Storage.Location.TrimEnd('/'), StringComparison.Ordinal))
            throw new UsageException(
                $"Glue table {database}.{twinTable} exists over {existing.Storage.Location}, not over the twin at {wanted.Storage.Location}; name another --twin-table, or point --twin at its prefix.");
        var result = await new GlueProvisioner(glue, retry).ProvisionAsync(wanted, update: true, [], cancellationToken).ConfigureAwait(false);
        return (wanted, result);
    }

    private async Task<TableDefinition?> ReadAsync(string database, string table, CancellationToken cancellationToken)
    {
        try
        {
            var found = await glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = table }, cancellationToken).ConfigureAwait(false);
            return GlueTableMapping.FromGlue(database, found.Table!);
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }

    private static string[] EnumValues(TableDefinition table, string column) =>
        table.Properties.TryGetValue($"{TableProperties.ProjectionPrefix}{column}.values", out var values)
            ? values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>The first projected day, from <c>projection.day.range</c> (<c>first,NOW</c>) in the layout's day format.</summary>
    private static DateOnly? StartOf(TableDefinition table, PrefixStyle prefix) =>
        table.Properties.TryGetValue($"{TableProperties.ProjectionPrefix}{PartitionColumns.Day}.range", out var range)
        && DateTime.TryParseExact(range.Split(',')[0], PartitionScheme.DayFormatFor(prefix), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var first)
            ? DateOnly.FromDateTime(first)
            : null;
}
