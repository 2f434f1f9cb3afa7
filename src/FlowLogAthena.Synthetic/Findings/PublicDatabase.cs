using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;
using static FlowLogAthena.Core.Formats.FieldCodes;

namespace FlowLogAthena.Synthetic.Findings;

/// <summary>
/// A database open to the internet: someone ran a database on the busiest public-subnet host outside the Block
/// Public Access VPC (one host per account and region) and opened its port to 0.0.0.0/0, so internet hosts connect
/// and are accepted. Ordinary traffic never reaches a database port from a public address; the security pack's
/// sensitive-ports-from-internet query has to find this.
/// </summary>
internal static class PublicDatabase
{
    /// <summary>The database ports a careless security group opens to 0.0.0.0/0; the exposed host's index picks one.</summary>
    private static readonly int[] ExposedDatabasePorts = [5432, 3306, 6379, 27017, 9200, 1433];

    public static void Plant(FlowSampler f, ref FlowSample s)
    {
        var host = f.Targets.ExposedDatabaseHost;
        var h = f.Net.Interfaces[host];
        var port = ExposedDatabasePorts[host % ExposedDatabasePorts.Length];
        var egress = f.Rng.Next(100) < 45;
        s.Interface = host;
        f.Conversation(ref s, h.Address, AwsServices.NonAwsAddress(ref f.Rng), egress, localIsClient: false, port, Protocol.Tcp, 2_000);
        s.TrafficPath = f.InternetPath();
        s.Encryption = f.Encryption(h.Vpc, port, insideAws: false);
    }
}
