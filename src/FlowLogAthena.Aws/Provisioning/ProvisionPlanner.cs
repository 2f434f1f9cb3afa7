using Amazon.S3;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Provisioning;

/// <summary>
/// Turns a <see cref="ProvisionRequest"/> into the exact table and partitions, reading S3 only for what was not
/// given: the format from the objects' header line, the accounts and regions from the folders (for projection), and
/// the partitions that hold objects (for explicit partitions). <see cref="GlueProvisioner"/> or
/// <see cref="AthenaDdl"/> then applies or prints the plan.
/// </summary>
public sealed class ProvisionPlanner(IAmazonS3 s3, string? expectedBucketOwner = null)
{
    public async Task<ProvisionPlan> PlanAsync(ProvisionRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source;
        FlowLogFormat? detected = null;
        if (!request.FormatGiven && !request.Offline
            && await new S3FormatDetector(s3, expectedBucketOwner).DetectAsync(source, cancellationToken).ConfigureAwait(false) is { } format)
        {
            detected = format;
            source = source with { Format = format };
        }

        var lister = new S3LogFileLister(s3, expectedBucketOwner);
        string[] accounts = [.. request.Accounts], regions = [.. request.Regions];
        if (request.Partitions == PartitionMode.Projection && (accounts.Length == 0 || regions.Length == 0))
        {
            var found = await lister.AccountsAndRegionsAsync(source, cancellationToken).ConfigureAwait(false);
            if (accounts.Length == 0) accounts = found.Select(f => f.Account).Distinct().Order(StringComparer.Ordinal).ToArray();
            if (regions.Length == 0) regions = found.Select(f => f.Region).Distinct().Order(StringComparer.Ordinal).ToArray();
        }
        var definition = TableDefinition.For(source, new TableOptions
        {
            Database = request.Database,
            Table = request.Table,
            Partitions = request.Partitions,
            StartDate = request.StartDate,
            Accounts = accounts,
            Regions = regions,
        });

        IReadOnlyList<TablePartition> partitions = [];
        if (request.Partitions == PartitionMode.Explicit)
        {
            var window = new TimeWindow(request.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), request.Today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            var files = await lister.ListAsync(source, window, cancellationToken).ConfigureAwait(false);
            var scheme = PartitionScheme.For(source);
            partitions = files.Select(f => (f.Account, f.Region, f.PartitionStartUtc)).Distinct()
                .Select(p => scheme.Partition(p.Account, p.Region, p.PartitionStartUtc)).ToArray();
        }
        return new ProvisionPlan(definition, partitions, detected);
    }
}
