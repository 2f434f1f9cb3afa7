using System.CommandLine;
using System.Net;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.IpRanges;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// <c>ranges update</c>, <c>ranges status</c> and <c>ranges lookup</c>: AWS's published address ranges, fetched into the
/// cache (the one network read; queries never fetch), and what they say of an address.
/// </summary>
public static class RangesCommand
{
    public static Command Create(Terminal terminal, TimeProvider clock) =>
        new("ranges", "AWS's published IP address ranges (ip-ranges.json): fetch them into the cache, see the cached copy, look addresses up.")
        {
            Update(terminal, clock), Status(terminal), Lookup(terminal),
        };

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
        var command = new Command("status", "Show the cached copy: when AWS published it, when it was fetched, how many prefixes.") { cache };
        command.SetAction(parse =>
        {
            var store = new AwsIpRangesCache(parse.GetRequiredValue(cache));
            if (store.Existing is not { } path)
            {
                terminal.Note(Markup.Escape($"No cached ranges in {store.Folder}: run 'flowlog-athena ranges update'."));
                return ExitCodes.Success;
            }
            var ranges = AwsIpRanges.Load(path);
            var note = store.ReadNote();
            terminal.Output.WriteLine($"{path}: published {ranges.CreateDate} (syncToken {ranges.SyncToken}), {ranges.Prefixes.Count} prefixes"
                + (note is null ? "" : $", fetched {note.FetchedAt:yyyy-MM-dd HH:mm:ss}Z from {note.Url}"));
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
            var path = parse.GetValue(file) ?? new AwsIpRangesCache(AwsIpRangesCache.DefaultFolder).Existing
                ?? throw new UsageException("No address ranges: run 'flowlog-athena ranges update', or give --ip-ranges FILE.");
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
