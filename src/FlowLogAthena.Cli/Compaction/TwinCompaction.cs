using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.Compaction;
using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Cli.Compaction;

/// <summary>
/// The one path from a <see cref="CompactionRequest"/> to a filled twin, for <c>compact</c> and jobs alike: the text
/// source read back from its Glue table, the twin's table made or brought up to date, then the window compacted day
/// by day by Athena or the local engine.
/// </summary>
public sealed class TwinCompaction(Func<AwsClients> aws, Action<string>? note = null, IProgress<AthenaQueryProgress>? athenaProgress = null, TimeProvider? clock = null)
{
    public async Task<CompactionOutcome> RunAsync(CompactionRequest request, CancellationToken cancellationToken)
    {
        var athena = request.Athena;
        EngineOpener.Validate(athena);
        var clients = aws();
        var owner = athena.ExpectedBucketOwner;
        var text = GlueTableSource.Choose(await GlueTableSource.ReadAsync(clients.Glue, athena.Database, athena.Table, cancellationToken).ConfigureAwait(false),
            request.FlowLogId, athena.TableReference);
        if (text.Layout.FileFormat != LogFileFormat.Text)
            throw new UsageException($"Glue table {athena.TableReference} is over Parquet flow logs already; compact makes a Parquet twin of a text table.");
        var twin = TwinLayout.For(text, request.TwinRoot);
        // Athena and the local read both take every object of a partition with the table's column order: refuse a mix first.
        await new S3HeaderCheck(clients.S3, owner).VerifyAsync(text, athena.TableReference, request.Window, cancellationToken).ConfigureAwait(false);

        var twinTable = request.TwinTable ?? CompactionRequest.DefaultTwinTable(athena.Table);
        var lister = new S3LogFileLister(clients.S3, owner);
        var (definition, provisioned) = await new TwinTable(clients.Glue, clients.Settings.Retry, lister).EnsureAsync(
            athena.Database, athena.Table, twinTable, text, twin, DateOnly.FromDateTime(request.Window.From), cancellationToken).ConfigureAwait(false);

        ITwinDayWriter writer = request.Local
            ? new LocalTwinDayWriter(clients.S3, request.LocalSettings, owner, note)
            : new AthenaTwinDayWriter(new AthenaEngine(athena, clients.Athena, clients.S3, athenaProgress), clients.S3, owner);
        var write = new S3WriteOptions { ExpectedBucketOwner = owner, KmsKeyId = athena.KmsKey };
        var days = await new TwinCompactor(clients.S3, write, writer, clock, note).CompactAsync(text, twin, request.Window, request.Force, cancellationToken).ConfigureAwait(false);
        return new CompactionOutcome(text, twin, definition, provisioned, days);
    }
}

/// <summary>What compaction did: the text source, its twin and the twin's table, and each day's outcome.</summary>
public sealed record CompactionOutcome(FlowLogSource Text, FlowLogSource Twin, TableDefinition TwinTable, ProvisionResult TwinTableResult, IReadOnlyList<TwinDayOutcome> Days);
