using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Cli.Tests;

/// <summary><c>generate --no-findings</c>: clean data for the compliance pack, against the default planted data.</summary>
public sealed class GenerateFindingsTests : IDisposable
{
    private const string Format =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${reject-reason} ${encryption-status}";

    private static readonly string[] Controls =
        ["admin-access-from-internet", "egress-outside-allow-list", "insecure-protocols-accepted", "rejected-by-vpc-controls", "traffic-to-forbidden-networks", "unencrypted-sensitive-flows"];

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task No_findings_data_passes_every_compliance_control_and_the_default_data_fails_each()
    {
        var clean = await GenerateAndRunPackAsync("clean", "--no-findings");
        var planted = await GenerateAndRunPackAsync("planted");

        Assert.Equal(Controls.Select(c => $"{c},pass,0,{c}.csv,"), clean.Skip(1));
        Assert.Equal(Controls.Select(c => $"{c},fail"), planted.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
    }

    private async Task<string[]> GenerateAndRunPackAsync(string name, params string[] generateFlags)
    {
        var logs = _root.Combine(name);
        var generate = await CliRun.Of(["generate", "--out", logs, "--format", Format, "--records", "20000", .. generateFlags]);
        Assert.True(generate.ExitCode == 0, generate.ToString());

        var parameters = GeneratedNetworks.ComplianceParameters(["us-east-1", "eu-west-1"]).SelectMany(p => new[] { "--param", $"{p.Key}={p.Value}" });
        var output = _root.Combine(name + "-out");
        var run = await CliRun.Of(["run", "--pack", "compliance", "--source", logs, "--from", "2026-11-02", "--to", "2026-11-03", "--out", output, .. parameters]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllLines(Path.Combine(output, "compliance", "summary.csv"));
    }
}
