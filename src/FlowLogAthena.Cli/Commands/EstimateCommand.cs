using System.CommandLine;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Sources;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary><c>estimate ID</c>: the bytes a query will scan and what Athena would charge, before spending it.</summary>
public static class EstimateCommand
{
    public static Command Create(Terminal terminal)
    {
        var source = new SourceOptions();
        var aws = new AwsOptions();
        var queries = new QueryOptions();
        var id = QueryOptions.QueryId();
        var command = new Command("estimate", "List the objects under the partitions a query will touch and print the bytes to scan and Athena's cost ($5/TB, 10 MB minimum).") { id };
        source.AddTo(command);
        command.Add(queries.Params);
        command.Add(queries.Queries);
        command.Add(aws.ExpectedBucketOwner);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = queries.LoadCatalog(parse).Get(parse.GetRequiredValue(id));
            var window = source.GetWindow(parse);
            var flowLogs = source.GetSource(parse);
            using var clients = new LazyAwsClients(parse, terminal);
            ILogFileLister lister = flowLogs.IsS3 ? new S3LogFileLister(clients.Value.S3, parse.GetValue(aws.ExpectedBucketOwner)) : new LocalLogFileLister();
            var estimate = await ScanEstimate.ForAsync(lister, flowLogs, window, cancellationToken).ConfigureAwait(false);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Query", "Window", "Partitions", "Files", "Bytes to scan", "Athena cost (USD)");
            table.AddRow(Markup.Escape(query.Id), Markup.Escape(window.ToString()), estimate.Partitions.ToString(), estimate.Files.ToString(),
                Markup.Escape(ByteSize.Format(estimate.Bytes) + (estimate.IsUpperBound ? " (at most: Parquet reads only the needed columns)" : "")),
                estimate.CostUsd.ToString("0.000000"));
            terminal.Out.Write(table);
            terminal.Note($"{estimate.AccountsAndRegions.Count} account/region pairs: {Markup.Escape(string.Join(", ", estimate.AccountsAndRegions.Select(a => $"{a.Account}/{a.Region}")))}");
            return ExitCodes.Success;
        });
        return command;
    }
}
