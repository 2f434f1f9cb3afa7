namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The transit pack on a dozen hand-written Transit Gateway records whose answers were worked out by hand (not by
/// the generator or the C# references): a request and its reply between two VPCs of two accounts across AZs, an
/// office flow in by one VPN whose reply leaves by another, a blackholed flow, a flow partly dropped for its MTU
/// with '-' where its egress record has no loss counts, a traceroute losing a probe, and a NODATA record.
/// </summary>
public sealed class TransitHandWrittenTests : IDisposable
{
    private static readonly QueryCatalog Catalog = QueryCatalog.Load(RepositoryRoot.Queries);
    private static readonly FlowLogFormat Format = FlowLogFormat.TransitGatewayDefault;
    private const long T = 1793578200; // 2026-11-02T00:10:00Z

    private const string A = "tgw-attach-0aaaaaaaaaaaaaaaa", B = "tgw-attach-0bbbbbbbbbbbbbbbb", V = "tgw-attach-0vvvvvvvvvvvvvvvv", W = "tgw-attach-0wwwwwwwwwwwwwwww";
    private const string VpcA = "vpc-0aaaaaaaaaaaaaaaa", VpcB = "vpc-0bbbbbbbbbbbbbbbb", AccountA = "111111111111", AccountB = "222222222222";

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>One record: the 36 default fields, '-' unless given.</summary>
    private static string Line(string attachment, string direction, string? pair, (string? Account, string? Vpc, string? Az) src, (string? Account, string? Vpc, string? Az) dst,
        string from, string to, int srcPort, int dstPort, int protocol, long packets, long bytes, long start, string? losses = "0 0 0 0", string status = "OK")
    {
        var values = new Dictionary<string, string?>
        {
            ["version"] = "6",
            ["resource-type"] = "TransitGateway",
            ["account-id"] = "999999999999",
            ["tgw-id"] = "tgw-0123456789abcdef0",
            ["tgw-attachment-id"] = attachment,
            ["tgw-src-vpc-account-id"] = src.Account,
            ["tgw-dst-vpc-account-id"] = dst.Account,
            ["tgw-src-vpc-id"] = src.Vpc,
            ["tgw-dst-vpc-id"] = dst.Vpc,
            ["tgw-src-az-id"] = src.Az,
            ["tgw-dst-az-id"] = dst.Az,
            ["tgw-pair-attachment-id"] = pair,
            ["srcaddr"] = from,
            ["dstaddr"] = to,
            ["srcport"] = $"{srcPort}",
            ["dstport"] = $"{dstPort}",
            ["protocol"] = $"{protocol}",
            ["packets"] = $"{packets}",
            ["bytes"] = $"{bytes}",
            ["start"] = $"{start}",
            ["end"] = $"{start + 30}",
            ["log-status"] = status,
            ["type"] = "IPv4",
            ["region"] = "us-east-1",
            ["flow-direction"] = direction,
        };
        var lost = losses?.Split(' ');
        string[] lossFields = ["packets-lost-no-route", "packets-lost-blackhole", "packets-lost-mtu-exceeded", "packets-lost-ttl-expired"];
        for (var i = 0; i < 4; i++) values[lossFields[i]] = lost?[i];
        return string.Join(' ', Format.Fields.Select(f => values.GetValueOrDefault(f.Name) ?? "-"));
    }

    private async Task<Dictionary<string, List<object?[]>>> RunPackAsync()
    {
        (string?, string?, string?) a = (AccountA, VpcA, "use1-az1"), b = (AccountB, VpcB, "use1-az2"), office = (null, null, null), none = (null, null, null);
        string[] lines =
        [
            Line(A, "ingress", B, a, b, "10.1.0.5", "10.2.0.9", 40000, 443, 6, 10, 5000, T),
            Line(B, "egress", A, a, b, "10.1.0.5", "10.2.0.9", 40000, 443, 6, 10, 5000, T),
            Line(B, "ingress", A, b, a, "10.2.0.9", "10.1.0.5", 443, 40000, 6, 8, 12000, T),
            Line(A, "egress", B, b, a, "10.2.0.9", "10.1.0.5", 443, 40000, 6, 8, 12000, T),
            Line(V, "ingress", A, office, (AccountA, VpcA, "use1-az1"), "172.16.0.7", "10.1.0.5", 50000, 22, 6, 4, 400, T),
            Line(A, "egress", V, office, (AccountA, VpcA, "use1-az1"), "172.16.0.7", "10.1.0.5", 50000, 22, 6, 4, 400, T),
            Line(A, "ingress", W, (AccountA, VpcA, "use1-az1"), office, "10.1.0.5", "172.16.0.7", 22, 50000, 6, 3, 900, T),
            Line(W, "egress", A, (AccountA, VpcA, "use1-az1"), office, "10.1.0.5", "172.16.0.7", 22, 50000, 6, 3, 900, T),
            Line(A, "ingress", null, (AccountA, VpcA, "use1-az1"), none, "10.1.0.5", "10.99.0.1", 41000, 443, 6, 5, 300, T + 3600, "0 5 0 0"),
            Line(B, "ingress", A, b, a, "10.2.0.9", "10.1.0.5", 5000, 4789, 17, 10, 85000, T, "0 0 6 0"),
            Line(A, "egress", B, b, a, "10.2.0.9", "10.1.0.5", 5000, 4789, 17, 4, 34000, T, losses: null),
            Line(B, "ingress", A, b, a, "10.2.0.9", "10.1.0.5", 33000, 33434, 17, 3, 180, T, "0 0 0 1"),
            Line(A, "egress", B, b, a, "10.2.0.9", "10.1.0.5", 33000, 33434, 17, 2, 120, T),
            string.Join(' ', Format.Fields.Select(f => f.Name switch
            {
                "version" => "6", "resource-type" => "TransitGatewayAttachment", "account-id" => "999999999999", "tgw-attachment-id" => A,
                "start" => $"{T}", "end" => $"{T + 60}", "log-status" => "NODATA", _ => "-",
            })),
        ];
        _root.WriteGzip("logs/AWSLogs/999999999999/vpcflowlogs/us-east-1/2026/11/02/999999999999_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0105Z_abcd1234.log.gz",
            string.Join(' ', Format.Fields.Select(f => f.Name)), lines);
        var source = new FlowLogSource(_root.Combine("logs"), Format, SourceLayout.DefaultLayout);
        var results = new Dictionary<string, List<object?[]>>();
        foreach (var query in Catalog.InPack("transit"))
            results[query.Id] = (await LocalPaths.RunAsync(query, new Dictionary<string, string>(), source, TimeWindow.Parse("2026-11-02", "2026-11-03"))).Rows;
        return results;
    }

    private static void AssertRows(Dictionary<string, List<object?[]>> results, string query, object?[][] expected) =>
        ReferenceCheck.AssertRows(query, results[query], expected);

    private static decimal Cost(long bytes) => Math.Round(Math.Round(bytes / 1_073_741_824m, 9, MidpointRounding.AwayFromZero) * 0.02m, 6, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Each_transit_query_gives_the_answer_worked_out_by_hand()
    {
        var r = await RunPackAsync();

        AssertRows(r, "attachment-traffic",
        [
            [B, 4L, 31L, 102180L, 3L, 21L, 97180L, 1L, 10L, 5000L, 7L],
            [A, 7L, 36L, 52720L, 3L, 18L, 6200L, 4L, 18L, 46520L, 5L],
            [W, 1L, 3L, 900L, 0L, 0L, 0L, 1L, 3L, 900L, 0L],
            [V, 1L, 4L, 400L, 1L, 4L, 400L, 0L, 0L, 0L, 0L],
        ]);
        AssertRows(r, "vpc-pairs",
        [
            [AccountB, VpcB, B, AccountA, VpcA, A, 3L, 21L, 97180L],
            [AccountA, VpcA, A, AccountB, VpcB, B, 1L, 10L, 5000L],
            [AccountA, VpcA, A, null, null, W, 1L, 3L, 900L],
            [null, null, V, AccountA, VpcA, A, 1L, 4L, 400L],
            [AccountA, VpcA, A, null, null, null, 1L, 5L, 300L],
        ]);
        AssertRows(r, "cross-account", [[AccountB, AccountA, 1L, 3L, 21L, 97180L], [AccountA, AccountB, 1L, 1L, 10L, 5000L]]);
        AssertRows(r, "cross-az", [["use1-az2", "use1-az1", VpcB, VpcA, 3L, 21L, 97180L], ["use1-az1", "use1-az2", VpcA, VpcB, 1L, 10L, 5000L]]);
        AssertRows(r, "packets-lost",
        [
            [1793577600L, B, "mtu-exceeded", 6L, 1L],
            [1793577600L, B, "ttl-expired", 1L, 1L],
            [1793581200L, A, "blackhole", 5L, 1L],
        ]);
        AssertRows(r, "asymmetric-routes", [["172.16.0.7", "10.1.0.5", 22, 6, V, A, W, 1L, 4L, 400L]]);
        AssertRows(r, "processing-cost",
        [
            [AccountB, VpcB, B, 3L, 97180L, Math.Round(97180 / 1_073_741_824m, 9, MidpointRounding.AwayFromZero), 0.02m, Cost(97180)],
            [AccountA, VpcA, A, 3L, 6200L, Math.Round(6200 / 1_073_741_824m, 9, MidpointRounding.AwayFromZero), 0.02m, Cost(6200)],
            [null, null, V, 1L, 400L, Math.Round(400 / 1_073_741_824m, 9, MidpointRounding.AwayFromZero), 0.02m, Cost(400)],
        ]);
    }
}
