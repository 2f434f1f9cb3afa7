using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Local.Tests;

/// <summary>
/// The DuckDB CIDR match, executed by DuckDB's RE2, agrees with <see cref="IpNetwork.Contains"/> on boundary and
/// malformed address text, on every way '::' may abbreviate an IPv6 prefix, and on /32 hosts compared as text.
/// </summary>
public sealed class CidrMatchOnDuckDbTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Day = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/012345678901_vpcflowlogs_us-east-1_fl-1_20261102T0005Z_abcd1234.log.gz";

    private static readonly string[] Addresses =
    [
        "10.0.0.0", "10.0.0.1", "10.255.255.255", "9.255.255.255", "11.0.0.0", "110.1.2.3", "1.2.3.4", "0.0.0.0", "255.255.255.255",
        "10.1.2.3", "10.1.2.30", "10.1.2.2", "10.1.2.4", "10.1.20.3", "192.168.127.255", "192.168.128.0", "192.168.0.0",
        "010.1.2.3", "10.1.2.03", "10.1.2", "10.1.2.3.4", "10.1.2.256", "10.1.2.x", "10..2.3",
        "2001:db8::", "2001:db8::1", "2001:DB8::1", "2001:db8:0:0:0:0:0:1", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::",
        "2001:db7:ffff::", "::1", "::", "::2", "fe80::1", "::ffff:10.1.2.3", "2001:db8::1::2", "2001:db8:::1", "-",
        "02001:db8::1", "02001:0db8::1", "2001:0DB8::1", "2600:1f18::5", "2600:1F18:0000::5", "0:2600::1", "2600::1f18", "FC00::1", "fdff:ffff::1", "FE00::1", "A::1", "000a::1", "0000a::1",
        "2001:db8:0:0:0:0:0:0", "2001:0db8::", "2001:db8::0:1", "0:0:0:0:0:0:0:1", "::0:1", "1::", "2001:0:0:1::5", "2001::1:0:0:5",
        "0:5::", "::5:0:0:0:0:0:0", "::5", "2001:db8:0:0:8000::1", "2001:db8::8000:0:0:1", "2001:db8::7fff:0:0:1", "FC00:0:0:0:0:0:0:0",
    ];

    private static readonly string[] Networks =
        ["10.0.0.0/8", "10.1.2.3/32", "10.1.2.0/24", "10.1.2.2/31", "192.168.0.0/17", "0.0.0.0/0", "2001:db8::/32", "::1/128", "::/0",
            "2600:1f18::/32", "2600::/16", "fc00::/7", "a::/16", "2001:0:0:1::/64", "0:5::/32", "2001:db8:0:0:8000::/65"];

    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Every_network_matches_exactly_the_addresses_it_contains()
    {
        var lists = Networks.Select(n => new[] { n }).ToArray();

        var rows = await MatchAsync(lists);

        Assert.Contains(rows, r => (string?)r[0] == "10.1.2.3" && (bool)r[2]!); // the /32 itself matches
    }

    /// <summary>A list is matched at once (one pattern per family): the same answers as any of its networks.</summary>
    [Fact]
    public async Task Every_list_matches_exactly_the_addresses_one_of_its_networks_contains()
    {
        string[][] lists =
        [
            Networks,
            ["10.0.0.0/8", "192.168.0.0/17", "10.1.2.2/31", "0.0.0.0/0"],
            ["10.1.2.0/24", "10.1.0.0/16", "10.1.2.2/31"],
            ["10.1.2.3/32", "10.1.2.4/32", "255.255.255.255/32"],
            ["10.1.2.3/32", "192.168.0.0/17", "2001:db8::/32", "::1/128"],
            ["2001:db8::/32", "2600:1f18::/32", "fc00::/7", "a::/16"],
            ["::/0", "10.0.0.0/8"],
        ];

        var rows = await MatchAsync(lists);

        Assert.Contains(rows, r => (string?)r[0] == "10.1.2.4" && (bool)r[4]!); // the second host of a host list
    }

    /// <summary>
    /// Runs every list's match over one record per address in DuckDB and checks each against the C# reference;
    /// the rows are the address and one match per list.
    /// </summary>
    private async Task<List<object?[]>> MatchAsync(IReadOnlyList<string[]> lists)
    {
        _logs.WriteGzip(Day, Header, Addresses.Select(a => $"2 012345678901 eni-0a1 {a} 10.0.0.9 443 50123 6 1 40 1793577700 1793577760 ACCEPT OK").ToArray());
        var source = new FlowLogSource(_logs.Path, FlowLogFormat.Default, SourceLayout.DefaultLayout);
        var sql = SqlDialectHelpers.For(SqlDialect.DuckDb);
        var parsed = lists.Select(list => list.Select(n => IpNetwork.TryParse(n, out var network) ? network : throw new ArgumentException(n)).ToList()).ToList();
        var columns = string.Join(", ", parsed.Select((list, i) => $"{sql.CidrMatch("\"srcaddr\"", list)} AS m{i}"));

        await using var engine = new DuckDbEngine();
        var query = new RenderedQuery("cidr", SqlDialect.DuckDb, $"SELECT srcaddr, {columns} FROM flow_logs", TimeWindow.Parse("2026-11-02", "2026-11-03"),
            new Dictionary<string, string>());
        await using var result = await new BoundTable(engine, source, query.Window, ownsEngine: false).ExecuteAsync(query, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync(CancellationToken.None)) rows.Add(row);

        Assert.Equal(Addresses.Length, rows.Count);
        var mismatches = rows.SelectMany(row => parsed.Select((list, i) => (Address: (string?)row[0], List: list, Actual: (bool)row[i + 1]!)))
            .Where(x => x.Actual != x.List.Any(network => Expected(x.Address, network)))
            .Select(x => $"{x.Address ?? "NULL"} in [{string.Join(", ", x.List)}]: {x.Actual}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
        return rows;
    }

    /// <summary>
    /// A strict address of the network's family inside it; IPv6 text with an embedded dotted quad never matches on
    /// DuckDB (documented: flow logs write IPv4 addresses as dotted quads).
    /// </summary>
    private static bool Expected(string? text, IpNetwork network) =>
        text is not null && IpAddressText.TryParse(text, out var address) && !(text.Contains(':') && text.Contains('.'))
        && network.Contains(address);
}
