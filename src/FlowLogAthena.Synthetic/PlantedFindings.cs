using System.Globalization;
using System.Text;
using FlowLogAthena.Synthetic.Findings;

namespace FlowLogAthena.Synthetic;

/// <summary>A finding the generator planted, by the interface it is about, and the query that finds it.</summary>
/// <param name="Query">The id of the query that finds it.</param>
/// <param name="SinceUtc">When the finding starts, for findings about time (the silent interface's cut-off).</param>
/// <remarks>Public for the same reason as <see cref="FlowRecord"/>: test helpers of other projects expose it.</remarks>
public sealed record PlantedFinding(string Query, string Account, string Region, string InterfaceId, string Description, DateTime? SinceUtc = null);

/// <summary>
/// Names the planted findings of a plan without generating a record, so tests and demos can say what a query
/// pack should find. The findings that depend on chance (how many records, which clients) are in the data only
/// when the plan has enough records; the interfaces they are about are fixed by the seed.
/// </summary>
internal static class PlantedFindings
{
    /// <summary>The diagnose pack's planted findings per account and region; empty when PlantFindings is off.</summary>
    public static IReadOnlyList<PlantedFinding> Of(GenerationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Options.PlantFindings) return [];
        var window = plan.Options.Window;
        var findings = new List<PlantedFinding>();
        foreach (var file in plan.Files.DistinctBy(f => (f.Account, f.Region)))
        {
            var net = file.Network;
            var targets = DiagnoseTargets.Of(net, window.FromUnixSeconds, window.ToUnixSecondsExclusive);
            string Eni(int index) => Encoding.ASCII.GetString(net.Interfaces[index].Id);
            var nacl = net.Interfaces[targets.NaclServer];
            findings.Add(new("nacl-asymmetry", file.Account, file.Region, Eni(targets.NaclServer),
                $"inbound flows to {nacl.Address} port {nacl.ServicePort} are accepted, but the replies to client ports " +
                $"{DiagnoseTargets.NaclEphemeralLimit}-65535 are rejected by the subnet's outbound NACL"));
            findings.Add(new("one-way-flows", file.Account, file.Region, Eni(targets.OneWaySender),
                $"{net.Interfaces[targets.OneWaySender].Address} sends NetFlow export (UDP 2055, source port {targets.ExportSourcePort}) " +
                $"to {DiagnoseTargets.DeadCollector} and TCP {DiagnoseTargets.DeadHostPort} to {DiagnoseTargets.DeadHost}; neither answers"));
            findings.Add(new("log-status-health", file.Account, file.Region, Eni(targets.Skipping),
                $"the NAT gateway {net.Interfaces[targets.Skipping].Address} keeps skipping records (SKIPDATA)"));
            var since = DateTime.UnixEpoch.AddSeconds(targets.SilentFromUnixSeconds);
            findings.Add(new("silent-interfaces", file.Account, file.Region, Eni(targets.Silent),
                $"{net.Interfaces[targets.Silent].Address} logs nothing from {since.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} on",
                since));
        }
        return findings;
    }
}
