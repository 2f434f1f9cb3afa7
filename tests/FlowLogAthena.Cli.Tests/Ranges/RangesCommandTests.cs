namespace FlowLogAthena.Cli.Tests.Ranges;

/// <summary>
/// <c>ranges update</c> against a real loopback HTTP server (no test reaches the network), <c>ranges status</c>, and
/// <c>ranges lookup</c> against the independent lookup.
/// </summary>
public sealed class RangesCommandTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string Cache => _root.Combine("cache");

    private string Cached => Path.Combine(Cache, "ip-ranges.json");

    private static readonly IReadOnlyList<IpRangesJson.Entry> Entries = IpRangesJson.ForGenerator();

    [Fact]
    public async Task Update_stores_the_file_asks_with_its_etag_and_keeps_the_copy_unless_the_new_one_is_valid_and_newer()
    {
        using var server = new RangesServer();
        var first = IpRangesJson.Text(Entries, syncToken: 1_790_000_000);
        server.Then(200, first, "\"etag-1\"");
        var stored = await CliRun.Of("ranges", "update", "--url", server.Url, "--cache", Cache);
        Assert.True(stored.ExitCode == 0, stored.ToString());
        Assert.Contains("Updated: ranges published 2026-09-21-12-00-00 (syncToken 1790000000), 25 prefixes", stored.Stderr, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllTextAsync(Cached));

        // Unchanged: the server sees the ETag and answers 304; nothing is written.
        server.Then(200, first, "\"etag-1\"");
        var before = File.GetLastWriteTimeUtc(Cached);
        var unchanged = await CliRun.Of("ranges", "update", "--url", server.Url, "--cache", Cache);
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("Up to date", unchanged.Stderr, StringComparison.Ordinal);
        Assert.Equal("\"etag-1\"", server.IfNoneMatch[^1]);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Cached));

        // Two server errors are retried; the newer file then replaces the copy.
        var newer = IpRangesJson.Text(Entries.Take(3), syncToken: 1_790_000_500);
        server.Then(503, "busy");
        server.Then(500, "oops");
        server.Then(200, newer, "\"etag-2\"");
        var updated = await CliRun.Of("ranges", "update", "--url", server.Url, "--cache", Cache);
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Contains("syncToken 1790000500), 3 prefixes", updated.Stderr, StringComparison.Ordinal);
        Assert.Equal(newer, await File.ReadAllTextAsync(Cached));

        // An older publication, a cut-off body and a 404 each leave the copy as it is.
        server.Then(200, first, "\"etag-old\"");
        var older = await CliRun.Of("ranges", "update", "--url", server.Url, "--cache", Cache);
        Assert.Equal(1, older.ExitCode);
        Assert.Contains("older than the cached copy's", older.Stderr, StringComparison.Ordinal);
        server.Then(200, newer[..(newer.Length / 2)], "\"etag-cut\"");
        var cut = await CliRun.Of("ranges", "update", "--url", server.Url, "--cache", Cache);
        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("is not JSON", cut.Stderr, StringComparison.Ordinal);
        Assert.Contains("The cached copy is kept.", cut.Stderr, StringComparison.Ordinal);
        server.Then(404, "no such file");
        var missing = await CliRun.Of("ranges", "update", "--url", server.Url, "--cache", Cache);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("HTTP 404", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(newer, await File.ReadAllTextAsync(Cached));
        Assert.Equal(["ip-ranges.json", "ip-ranges.note.json"], Directory.GetFiles(Cache).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var status = await CliRun.Of("ranges", "status", "--cache", Cache);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("published 2026-09-21-12-00-00 (syncToken 1790000500)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 prefixes (3 IPv4, 0 IPv6) of 2 service codes", status.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"lookup table: \d+ rows in \d+ buckets, at most \d+ rows a bucket", status.Stdout);
        Assert.Contains($"from {server.Url}", status.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ip-ranges.amazonaws.com/ip-ranges.json", "is plain http")]
    [InlineData("ftp://example.com/x.json", "is not an https:// URL")]
    [InlineData("https://user:secret@example.com/x.json", "is not an https:// URL")]
    public async Task Update_refuses_a_url_that_is_not_https(string url, string reason)
    {
        var run = await CliRun.Of("ranges", "update", "--url", url, "--cache", Cache);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Stderr.Replace(url, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Cache));
    }

    [Fact]
    public async Task Lookup_answers_as_the_independent_lookup_for_ipv4_ipv6_and_addresses_outside_aws()
    {
        var file = IpRangesJson.Write(_root.Combine("ranges.json"), Entries);
        string[] addresses = ["52.216.7.7", "3.5.1.1", "52.94.0.200", "52.94.8.1", "18.206.107.30", "13.32.9.9", "54.243.31.250", "2a05:d018::1",
            "2600:1f18:4000::9", "2600:9000::1", "8.8.8.8", "2001:db8::1", "::ffff:3.80.0.1"];

        var run = await CliRun.Of(["ranges", "lookup", "--ip-ranges", file, .. addresses]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.TrimEnd().Split('\n');
        Assert.Equal("address,aws_service,aws_services,aws_service_region,aws_border_group,aws_prefix", lines[0]);
        for (var i = 0; i < addresses.Length; i++)
        {
            var expected = IpRangesReference.Lookup(Entries, addresses[i]);
            var services = expected is null ? "" : expected.Services.Contains(',') ? $"\"{expected.Services}\"" : expected.Services;
            Assert.Equal(expected is null ? $"{addresses[i]},,,,," : $"{addresses[i]},{expected.Service},{services},{expected.Region},{expected.BorderGroup},{expected.Prefix}",
                lines[i + 1]);
        }
    }

    [Fact]
    public async Task Lookup_reads_standard_input_and_names_a_bad_line()
    {
        var file = IpRangesJson.Write(_root.Combine("ranges.json"), Entries);
        var input = System.Console.In;
        try
        {
            System.Console.SetIn(new StringReader("52.216.7.7\n\n8.8.8.8\n"));
            var good = await CliRun.Of("ranges", "lookup", "--ip-ranges", file, "-");
            Assert.True(good.ExitCode == 0, good.ToString());
            Assert.Equal(3, good.Stdout.TrimEnd().Split('\n').Length);

            System.Console.SetIn(new StringReader("52.216.7.7\n300.1.1.1\n"));
            var bad = await CliRun.Of("ranges", "lookup", "--ip-ranges", file, "-");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("'300.1.1.1' (standard input line 2) is not an IPv4 or IPv6 address", bad.Stderr, StringComparison.Ordinal);
            Assert.Equal("", bad.Stdout);
        }
        finally
        {
            System.Console.SetIn(input);
        }
    }

    [Fact]
    public async Task Lookup_without_ranges_or_with_a_bad_file_says_what_to_do()
    {
        var none = await CliRun.Of("ranges", "lookup", "--ip-ranges", _root.Combine("none.json"), "1.2.3.4");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("none.json' does not exist", none.Stderr, StringComparison.Ordinal);

        var bad = _root.Touch("bad.json", "{\"syncToken\": 5}");
        var refused = await CliRun.Of("ranges", "lookup", "--ip-ranges", bad, "1.2.3.4");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("has 'syncToken' that is not a string", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_with_ranges_classify_ipv6_destinations_and_name_addresses_in_the_console_table_only()
    {
        using var logs = new SmallLogs();
        var file = IpRangesJson.Write(_root.Combine("ranges.json"), Entries);
        string[] window = ["--source", logs.Root, "--from", "2026-11-02", "--to", "2026-11-04", "--ip-ranges", file, "--store", _root.Combine("store")];

        var destinations = await CliRun.Of(["run", "aws-destinations", .. window, "--output", "csv"]);
        Assert.True(destinations.ExitCode == 0, destinations.ToString());
        Assert.Equal(
            ["sender_region,aws_service,aws_services,destination_region,border_group,aws_prefix,same_region,destinations,bytes,packets,flows",
             "us-east-1,EC2,\"AMAZON,EC2\",us-east-1,us-east-1,2600:1f18::/33,true,1,1500,15,2"],
            destinations.Stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n'));

        var table = await CliRun.Of(["run", "top-talkers", .. window]);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("2600:1f18::5 (EC2 us-east-1)", table.Stdout.Replace("\n", "", StringComparison.Ordinal).Replace("│", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var csv = await CliRun.Of(["run", "top-talkers", .. window, "--output", "csv"]);
        Assert.DoesNotContain("EC2", csv.Stdout, StringComparison.Ordinal);

        var without = await CliRun.Of("run", "aws-destinations", "--source", logs.Root, "--from", "2026-11-02", "--to", "2026-11-04", "--ip-ranges", "off");
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("needs AWS's address ranges: run 'flowlog-athena ranges update'", without.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_shows_the_join_with_the_ranges_table_beside_the_flow_log_table_or_the_refusal_without_it()
    {
        var athena = await CliRun.Of("render", "aws-destinations", "--table", "flowdb.vpc_logs", "--from", "2026-11-02");
        Assert.True(athena.ExitCode == 0, athena.ToString());
        Assert.Contains("LEFT JOIN \"flowdb\".\"aws_ip_ranges\" AS \"r\"", athena.Stdout, StringComparison.Ordinal);
        Assert.Contains("to_hex(CAST(TRY_CAST(", athena.Stdout, StringComparison.Ordinal);

        var duckDb = await CliRun.Of("render", "egress-cost", "--dialect", "duckdb", "--from", "2026-11-02",
            "--format", FlowLogFormat.AllVpcFields.FormatString);
        Assert.True(duckDb.ExitCode == 0, duckDb.ToString());
        Assert.Contains("LEFT JOIN \"aws_ip_ranges\" AS \"r\"", duckDb.Stdout, StringComparison.Ordinal);

        var without = await CliRun.Of("render", "egress-cost", "--without-ip-ranges", "--from", "2026-11-02", "--format", FlowLogFormat.AllVpcFields.FormatString);
        Assert.True(without.ExitCode == 0, without.ToString());
        Assert.DoesNotContain("aws_ip_ranges", without.Stdout, StringComparison.Ordinal);
        var refused = await CliRun.Of("render", "aws-destinations", "--without-ip-ranges");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("needs AWS's address ranges", refused.Stderr, StringComparison.Ordinal);
    }
}
