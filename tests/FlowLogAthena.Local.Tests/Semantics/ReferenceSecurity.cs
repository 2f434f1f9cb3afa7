using System.Globalization;
using System.Net;

using static FlowLogAthena.Local.Tests.Semantics.NullOrder;
namespace FlowLogAthena.Local.Tests.Semantics;

/// <summary>
/// The security pack's queries computed in plain C# from the generated records (never from SQL), as full ordered
/// result sets in each query's documented order. Address matching uses <see cref="IPNetwork"/>, not the SQL helpers.
/// </summary>
public static class ReferenceSecurity
{
    /// <summary>Rejected records with data, narrowed by the optional dstport and source_cidr filters.</summary>
    private static IEnumerable<FlowRecord> Rejected(IEnumerable<FlowRecord> records, int[]? ports, string[]? sourceCidrs) =>
        records.Where(r => r["action"] == "REJECT" && r.LoggedData
            && (ports is null || r.GetInt32("dstport") is { } port && ports.Contains(port))
            && (sourceCidrs is null || InAny(r["srcaddr"], sourceCidrs)));

    public static List<object?[]> RejectedBySource(IEnumerable<FlowRecord> records, int[]? ports = null, string[]? sourceCidrs = null) =>
        Rejected(records, ports, sourceCidrs)
            .GroupBy(r => r["srcaddr"])
            .Select(g => (Src: g.Key, Attempts: (long)g.Count(), Destinations: Distinct(g, "dstaddr"), Ports: DistinctPorts(g),
                First: g.Min(Start), Last: g.Max(Start)))
            .OrderByDescending(x => x.Attempts).ThenByDescending(x => x.Destinations).ThenByDescending(x => x.Ports)
            .ThenBy(x => x.Src, NullsLast).ThenBy(x => x.First).ThenBy(x => x.Last)
            .Select(x => new object?[] { x.Src, x.Attempts, x.Destinations, x.Ports, x.First, x.Last })
            .ToList();

    public static List<object?[]> RejectedByDestination(IEnumerable<FlowRecord> records, int[]? ports = null, string[]? sourceCidrs = null) =>
        Rejected(records, ports, sourceCidrs)
            .GroupBy(r => r["dstaddr"])
            .Select(g => (Dst: g.Key, Attempts: (long)g.Count(), Sources: Distinct(g, "srcaddr"), Ports: DistinctPorts(g),
                First: g.Min(Start), Last: g.Max(Start)))
            .OrderByDescending(x => x.Attempts).ThenByDescending(x => x.Sources).ThenByDescending(x => x.Ports)
            .ThenBy(x => x.Dst, NullsLast).ThenBy(x => x.First).ThenBy(x => x.Last)
            .Select(x => new object?[] { x.Dst, x.Attempts, x.Sources, x.Ports, x.First, x.Last })
            .ToList();

    public static List<object?[]> RejectedByPort(IEnumerable<FlowRecord> records, int[]? ports = null, string[]? sourceCidrs = null) =>
        Rejected(records, ports, sourceCidrs)
            .GroupBy(r => (Port: r.GetInt32("dstport"), Protocol: r.GetInt32("protocol")))
            .Select(g => (g.Key.Port, g.Key.Protocol, Name: ProtocolName(g.Key.Protocol), Attempts: (long)g.Count(),
                Sources: Distinct(g, "srcaddr"), Destinations: Distinct(g, "dstaddr")))
            .OrderByDescending(x => x.Attempts).ThenByDescending(x => x.Sources).ThenByDescending(x => x.Destinations)
            .ThenBy(x => x.Port ?? int.MaxValue).ThenBy(x => x.Protocol ?? int.MaxValue)
            .Select(x => new object?[] { x.Port, x.Protocol, x.Name, x.Attempts, x.Sources, x.Destinations })
            .ToList();

    /// <summary>Per UTC day of start: rejected records with data, only days that have one, in day order.</summary>
    public static List<object?[]> RejectsPerDay(IEnumerable<FlowRecord> records) =>
        Rejected(records, null, null)
            .GroupBy(r => Start(r) / 86400 * 86400)
            .OrderBy(g => g.Key)
            .Select(g => new object?[]
            {
                g.Key, (long)g.Count(), g.Sum(r => r.GetInt64("packets") ?? 0), g.Sum(r => r.GetInt64("bytes") ?? 0),
                Distinct(g, "srcaddr"), DistinctPorts(g),
            })
            .ToList();

    /// <summary>The thresholds of the port-scans query, with its documented defaults.</summary>
    public sealed record ScanThresholds(int MinDistinctPorts = 25, int MinDistinctHosts = 25, int MinRejectShare = 80, int BucketMinutes = 60);

    /// <summary>Per source and time bucket; every bucket when <paramref name="all"/>, else those past the thresholds.</summary>
    public static List<object?[]> PortScans(IEnumerable<FlowRecord> records, ScanThresholds t, bool all = false)
    {
        var bucket = t.BucketMinutes * 60L;
        return records.Where(r => r.LoggedData && r["srcaddr"] is not null)
            .GroupBy(r => (Src: r["srcaddr"], Bucket: Start(r) - (Start(r) % bucket)))
            .Select(g =>
            {
                var attempts = (long)g.Count();
                var rejected = (long)g.Count(r => r["action"] == "REJECT");
                return (g.Key.Src, g.Key.Bucket, Ports: DistinctPorts(g), Hosts: Distinct(g, "dstaddr"), Attempts: attempts, Rejected: rejected,
                    Share: RoundOneDecimal((double)rejected * 100 / attempts), First: g.Min(Start), Last: g.Max(Start));
            })
            .Where(x => all || ((x.Ports >= t.MinDistinctPorts || x.Hosts >= t.MinDistinctHosts) && x.Rejected * 100 >= t.MinRejectShare * x.Attempts))
            .OrderByDescending(x => x.Ports).ThenByDescending(x => x.Hosts).ThenByDescending(x => x.Attempts)
            .ThenBy(x => x.Src, NullsLast).ThenBy(x => x.Bucket).ThenByDescending(x => x.Rejected).ThenByDescending(x => x.Share)
            .ThenBy(x => x.First).ThenBy(x => x.Last)
            .Select(x => new object?[] { x.Src, x.Bucket, x.Ports, x.Hosts, x.Attempts, x.Rejected, x.Share, x.First, x.Last })
            .ToList();
    }

    /// <summary>The query's defaults: SSH, RDP and the common database ports.</summary>
    public static readonly int[] SensitivePorts = [22, 3389, 1433, 1521, 3306, 5432, 6379, 27017, 9200];

    /// <summary>The query's default private_cidrs.</summary>
    public static readonly string[] PrivateCidrs =
        ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "fc00::/7", "fe80::/10"];

    public static List<object?[]> SensitivePortsFromInternet(IEnumerable<FlowRecord> records, string[] privateCidrs, string[]? allowedCidrs = null, int[]? ports = null) =>
        records.Where(r => r["action"] == "ACCEPT" && r.LoggedData && r["srcaddr"] is not null
                && r.GetInt32("dstport") is { } port && (ports ?? SensitivePorts).Contains(port)
                && !InAny(r["srcaddr"], privateCidrs) && (allowedCidrs is null || !InAny(r["srcaddr"], allowedCidrs)))
            .GroupBy(r => (Src: r["srcaddr"], Dst: r["dstaddr"], Port: r.GetInt32("dstport")))
            .Select(g => (g.Key.Src, g.Key.Dst, g.Key.Port, Flows: (long)g.Count(), Bytes: g.Sum(r => r.GetInt64("bytes") ?? 0),
                First: g.Min(Start), Last: g.Max(Start)))
            .OrderByDescending(x => x.Flows).ThenByDescending(x => x.Bytes)
            .ThenBy(x => x.Src, NullsLast).ThenBy(x => x.Dst, NullsLast).ThenBy(x => x.Port ?? int.MaxValue)
            .ThenBy(x => x.First).ThenBy(x => x.Last)
            .Select(x => new object?[] { x.Src, x.Dst, x.Port, x.Flows, x.Bytes, x.First, x.Last })
            .ToList();

    /// <summary>Rejects per reason ('none' for '-'), and per VPC and interface where the format has those fields.</summary>
    public static List<object?[]> RejectReasons(IEnumerable<FlowRecord> records) =>
        records.Where(r => r["action"] == "REJECT" && r.LoggedData)
            .GroupBy(r => (Reason: r["reject-reason"] ?? "none", Vpc: r.Has("vpc-id") ? r["vpc-id"] : null,
                Interface: r.Has("interface-id") ? r["interface-id"] : null))
            .Select(g => (g.Key.Reason, g.Key.Vpc, g.Key.Interface, Attempts: (long)g.Count(), Sources: Distinct(g, "srcaddr")))
            .OrderByDescending(x => x.Attempts).ThenByDescending(x => x.Sources)
            .ThenBy(x => x.Reason, NullsLast).ThenBy(x => x.Vpc, NullsLast).ThenBy(x => x.Interface, NullsLast)
            .Select(x => new object?[] { x.Reason, x.Vpc, x.Interface, x.Attempts, x.Sources })
            .ToList();

    /// <summary>Whether the address text lies in any of the networks; false for NULL.</summary>
    public static bool InAny(string? address, IEnumerable<string> cidrs) =>
        address is not null && IPAddress.TryParse(address, out var ip) && cidrs.Any(c => IPNetwork.Parse(c).Contains(ip));

    private static long Start(FlowRecord r) => r.GetInt64("start") ?? throw new InvalidOperationException("A record without start.");

    private static long Distinct(IEnumerable<FlowRecord> records, string field) =>
        records.Select(r => r[field]).Where(v => v is not null).Distinct(StringComparer.Ordinal).Count();

    private static long DistinctPorts(IEnumerable<FlowRecord> records) =>
        records.Select(r => r.GetInt32("dstport")).Where(p => p is not null).Distinct().Count();

    private static string ProtocolName(int? protocol) => protocol is not { } p ? "none"
        : FieldCatalog.ProtocolLabels.TryGetValue(p.ToString(CultureInfo.InvariantCulture), out var label) ? label
        : "code " + p.ToString(CultureInfo.InvariantCulture);

    /// <summary>ROUND(x, 1) as DuckDB computes it for a DOUBLE: round(x · 10) half away from zero, then ÷ 10.</summary>
    private static double RoundOneDecimal(double value) => Math.Round(value * 10, MidpointRounding.AwayFromZero) / 10;
}
