using System.CommandLine;
using System.Net;
using FlowLogAthena.Aws.IpRanges;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Core.Tables;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>ranges update</c>, <c>ranges status</c>, <c>ranges lookup</c> and <c>ranges publish</c>: AWS's published address ranges,
/// fetched into the cache (the one network read; queries never fetch), what they say of an address, and the Glue table
/// Athena runs join.
/// </summary>
public static class RangesCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock) =>
        new("ranges", "AWS's published IP address ranges (ip-ranges.json): fetch them into the cache, see the cached copy, look addresses up.")
        {
            Update(terminal, clock), Status(terminal), Lookup(terminal), Publish(terminal),
        };

    private static Command Publish(Terminal terminal)
    {
        var location = new Option<string>("--location")
        {
            Description = "s3:// folder the table's data goes to (one subfolder per publication; older ones are deleted).",
            Required = true,
        };
        var database = new Option<string>("--database") { Description = "Glue database of the flow log table.", DefaultValueFactory = _ => TableOptions.DefaultDatabase };
        var table = new Option<string>("--table")
        {
            Description = "Glue table of the ranges; Athena runs use the one named aws_ip_ranges in their database.",
            DefaultValueFactory = _ => AwsIpRangesGlueTable.DefaultName,
        };
        var file = new Option<string?>("--ip-ranges") { Description = "The ranges file (default: the cached copy of 'ranges update').", HelpName = "FILE" };
        var aws = new AwsOptions();
        var command = new Command("publish",
            "Provision AWS's address ranges as a Glue table beside the flow log table, for Athena runs (aws_ranges_lookup): the data under --location, "
            + "then the table switched to it whole. A rerun of the same publication changes nothing.")
        {
            location, database, table, file,
        };
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = S3Uri.Parse(parse.GetRequiredValue(location), "--location");
            var ranges = AwsIpRanges.Load(RangesFile(parse.GetValue(file)));
            using var clients = AwsOptions.CreateClients(parse, terminal);
            var glueTable = new AwsIpRangesGlueTable(clients.Glue, clients.S3, aws.WriteOptions(parse));
            var name = $"{parse.GetRequiredValue(database)}.{parse.GetRequiredValue(table)}";
            var result = await terminal.StatusAsync($"Publishing the ranges of {ranges.CreateDate} as {name}…",
                () => glueTable.PublishAsync(ranges, parse.GetRequiredValue(database), parse.GetRequiredValue(table), target, cancellationToken)).ConfigureAwait(false);
            terminal.Note(Markup.Escape(result.Changed
                ? $"{name} now holds the ranges published {ranges.CreateDate} (syncToken {ranges.SyncToken}): {result.Rows} rows at {result.Location}"
                : $"{name} already holds the ranges published {ranges.CreateDate} (syncToken {ranges.SyncToken}), at {result.Location}"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The file given, else the cached copy; without either, how to get one.</summary>
    private static string RangesFile(string? given) => given ?? new AwsIpRangesCache(AwsIpRangesCache.DefaultFolder).Existing
        ?? throw new UsageException("No address ranges: run 'flowlog-athena ranges update', or give --ip-ranges FILE.");

    private static Option<string> CacheOption() => new("--cache")
    {
        Description = "Folder of the cached copy (default: ~/.cache/flowlog-athena/ip-ranges).",
        DefaultValueFactory = _ => AwsIpRangesCache.DefaultFolder,
        HelpName = "DIR",
    };

    private static Command Update(Terminal terminal, TimeProvider clock)
    {
        var url = new Option<string>("--url")
        {
            Description = "Where to fetch from (https; http only from this machine's loopback).",
            DefaultValueFactory = _ => AwsIpRangesUpdater.DefaultUrl,
        };
        var cache = CacheOption();
        var command = new Command("update",
            "Fetch AWS's ip-ranges.json into the cache, only when it changed (ETag), keeping the cached copy unless the new one is valid and not older. "
            + "Run it daily from a scheduler; queries use the cached copy.")
        {
            url, cache,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var uri = AwsIpRangesUpdater.CheckUrl(parse.GetRequiredValue(url));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var updater = new AwsIpRangesUpdater(http, new AwsIpRangesCache(parse.GetRequiredValue(cache)), clock);
            var result = await terminal.StatusAsync($"Fetching {uri}…", () => updater.UpdateAsync(uri, cancellationToken)).ConfigureAwait(false);
            var what = result.Outcome == AwsIpRangesUpdater.Outcome.Updated ? "Updated" : "Up to date";
            terminal.Note(Markup.Escape($"{what}: ranges published {result.CreateDate} (syncToken {result.SyncToken}), {result.Prefixes} prefixes, {result.Path}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Status(Terminal terminal)
    {
        var cache = CacheOption();
        var file = new Option<string?>("--ip-ranges") { Description = "A ranges file to describe instead of the cached copy.", HelpName = "FILE" };
        var command = new Command("status",
            "Show the cached copy (or --ip-ranges FILE): when AWS published it, when it was fetched, its prefixes, and the lookup table the engines join "
            + "(rows, and the most rows one address's bucket holds: what one Athena probe filters).")
        {
            cache, file,
        };
        command.SetAction(parse =>
        {
            var store = new AwsIpRangesCache(parse.GetRequiredValue(cache));
            if ((parse.GetValue(file) ?? store.Existing) is not { } path)
            {
                terminal.Note(Markup.Escape($"No cached ranges in {store.Folder}: run 'flowlog-athena ranges update'."));
                return ExitCodes.Success;
            }
            var ranges = AwsIpRanges.Load(path);
            var note = parse.GetValue(file) is null ? store.ReadNote() : null;
            var ipv4 = ranges.Prefixes.Count(p => p.Network.IsIpv4);
            var services = ranges.Prefixes.Select(p => p.Service).Distinct(StringComparer.Ordinal).Count();
            var buckets = AwsIpRangeRows.Of(AwsAddressIndex.Build(ranges)).GroupBy(r => r.Bucket).Select(g => g.Count()).ToList();
            var output = terminal.Output;
            output.WriteLine($"{path}: published {ranges.CreateDate} (syncToken {ranges.SyncToken})"
                + (note is null ? "" : $", fetched {note.FetchedAt:yyyy-MM-dd HH:mm:ss}Z from {note.Url}"));
            output.WriteLine($"  {ranges.Prefixes.Count} prefixes ({ipv4} IPv4, {ranges.Prefixes.Count - ipv4} IPv6) of {services} service codes");
            output.WriteLine($"  lookup table: {buckets.Sum()} rows in {buckets.Count} buckets, at most {buckets.Max()} rows a bucket "
                + $"(mean {(double)buckets.Sum() / buckets.Count:F1})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Lookup(Terminal terminal)
    {
        var addresses = new Argument<string[]>("address")
        {
            Description = "IPv4 or IPv6 addresses; '-' reads them from standard input, one a line.",
            Arity = ArgumentArity.OneOrMore,
        };
        var file = new Option<string?>("--ip-ranges")
        {
            Description = "The ranges file to read (default: the cached copy of 'ranges update').",
            HelpName = "FILE",
        };
        var command = new Command("lookup",
            "Print, as CSV, what AWS's ranges say of each address: the service using it, every service code, region, network border group and prefix "
            + "(empty when no AWS range holds it), by the same rules the queries use.")
        {
            addresses, file,
        };
        command.SetAction(parse =>
        {
            var path = RangesFile(parse.GetValue(file));
            var parsed = ReadAddresses(parse.GetRequiredValue(addresses));
            var index = AwsAddressIndex.Build(AwsIpRanges.Load(path));
            var output = terminal.Output;
            output.WriteLine("address,aws_service,aws_services,aws_service_region,aws_border_group,aws_prefix");
            foreach (var (text, address) in parsed)
            {
                var match = index.Lookup(address);
                output.WriteLine(string.Join(",", new[] { text, match?.Service, match?.Services, match?.Region, match?.NetworkBorderGroup, match?.Prefix }.Select(Csv)));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every address checked before anything is printed; a bad one is named with its place.</summary>
    private static List<(string Text, IPAddress Address)> ReadAddresses(string[] arguments)
    {
        var lines = arguments is ["-"]
            ? ReadStandardInput().Select((line, i) => (Text: line.Trim(), Where: $"standard input line {i + 1}")).Where(l => l.Text.Length > 0)
            : arguments.Select((a, i) => (Text: a.Trim(), Where: $"argument {i + 1}"));
        var addresses = new List<(string, IPAddress)>();
        foreach (var (text, where) in lines)
        {
            if (!AwsAddressIndex.TryParseAddress(text, out var address))
                throw new UsageException($"'{(text.Length > 60 ? text[..57] + "..." : text)}' ({where}) is not an IPv4 or IPv6 address.");
            addresses.Add((text, address));
        }
        return addresses;
    }

    private static IEnumerable<string> ReadStandardInput()
    {
        while (System.Console.In.ReadLine() is { } line) yield return line;
    }

    private static string Csv(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
