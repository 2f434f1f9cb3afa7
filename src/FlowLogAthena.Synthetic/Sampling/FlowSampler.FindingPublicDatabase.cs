using FlowLogAthena.Synthetic.Network;

namespace FlowLogAthena.Synthetic.Sampling;

internal sealed partial class FlowSampler
{
    /// <summary>The database ports a careless security group opens to 0.0.0.0/0; the exposed host's index picks one.</summary>
    private static readonly int[] ExposedDatabasePorts = [5432, 3306, 6379, 27017, 9200, 1433];

    /// <summary>
    /// A database open to the internet: someone ran a database on the busiest public-subnet host outside the Block
    /// Public Access VPC (one host per account and region) and opened its port to 0.0.0.0/0, so internet hosts connect
    /// and are accepted. Ordinary traffic never reaches a database port from a public address; the security pack's
    /// sensitive-ports-from-internet query has to find this.
    /// </summary>
    private void PublicDatabase(ref FlowSample s)
    {
        var host = ExposedDatabaseHost();
        var h = _net.Interfaces[host];
        var port = ExposedDatabasePorts[host % ExposedDatabasePorts.Length];
        var egress = _rng.Next(100) < 45;
        s.Interface = host;
        Conversation(ref s, h.Address, AwsServices.NonAwsAddress(ref _rng), egress, localIsClient: false, port, 6, 2_000);
        s.TrafficPath = InternetPath();
        s.Encryption = Encryption(h.Vpc, port, insideAws: false);
    }

    /// <summary>The first (busiest) public workload whose VPC lets internet traffic in.</summary>
    private int ExposedDatabaseHost()
    {
        foreach (var candidate in _net.PublicWorkloads)
            if (!_net.Vpcs[_net.Interfaces[candidate].Vpc].BlockPublicAccess) return candidate;
        throw new InvalidOperationException("The network has no public workload outside Block Public Access.");
    }
}
