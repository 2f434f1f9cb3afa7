namespace FlowLogAthena.Cli.Tests;

/// <summary>Two days of hand-written default-format flow logs in AWS's default layout.</summary>
public sealed class SmallLogs : IDisposable
{
    public const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    public SmallLogs()
    {
        Write("2026/11/02", "20261102T0010Z",
            "2 012345678901 eni-1 10.0.0.1 2600:1f18::5 443 5000 6 10 1000 1793577700 1793577760 ACCEPT OK",
            "2 012345678901 eni-1 198.51.100.7 10.0.0.1 40000 22 6 1 40 1793577800 1793577860 REJECT OK",
            "2 012345678901 eni-1 - - - - - - - 1793577700 1793577760 - NODATA");
        Write("2026/11/03", "20261103T0010Z",
            "2 012345678901 eni-1 10.0.0.1 2600:1f18::5 443 5000 6 5 500 1793664100 1793664160 ACCEPT OK");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", Guid.NewGuid().ToString("N"));

    public string OutFolder => Path.Combine(Root, "out");

    public string Write(string day, string stamp, params string[] lines)
    {
        var folder = Path.Combine(Root, "AWSLogs", "012345678901", "vpcflowlogs", "us-east-1", day);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"012345678901_vpcflowlogs_us-east-1_fl-1_{stamp}_abcd1234.log.gz");
        File.WriteAllBytes(path, GzipText.FlowLog(Header, lines));
        return path;
    }

    /// <summary>Writes one file of a custom format (header = field names) below another root.</summary>
    public sealed class Custom
    {
        public Custom(string root, string header, params string[] lines)
        {
            var folder = Path.Combine(root, "AWSLogs", "012345678901", "vpcflowlogs", "us-east-1", "2026/11/02");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "012345678901_vpcflowlogs_us-east-1_fl-2_20261102T0010Z_abcd1234.log.gz"), GzipText.FlowLog(header, lines));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
