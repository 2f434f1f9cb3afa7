using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Worker;

namespace FlowLogAthena.Cli.Tests.Infra;

/// <summary>infra/flowlog-athena-worker.service: the systemd unit that runs <c>flowlog-athena serve</c>.</summary>
public sealed class WorkerUnitTests
{
    private const string File = "flowlog-athena-worker.service";
    private static readonly SystemdUnit Unit = SystemdUnit.Load(File);

    [Fact]
    public void Unit_parses_into_its_three_sections()
    {
        Assert.Empty(Unit.Problems);
        Assert.Equal(["Unit", "Service", "Install"], Unit.Sections);
        Assert.Equal("multi-user.target", Unit.One("Install", "WantedBy"));
        Assert.Contains("network-online.target", Unit.One("Unit", "After"), StringComparison.Ordinal);
    }

    [Fact]
    public void ExecStart_is_a_serve_command_the_real_cli_accepts()
    {
        var words = Unit.One("Service", "ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("flowlog-athena", Path.GetFileName(words[0])); // the CLI's AssemblyName and ToolCommandName

        var parse = CliApp.Build(new Terminal(Stream.Null, TextWriter.Null, interactive: false), TimeProvider.System).Parse(words[1..]);

        Assert.Empty(parse.Errors);
        Assert.Equal("serve", parse.CommandResult.Command.Name);
        Assert.Equal("/etc/flowlog-athena/jobs", Value(parse, "--jobs"));
        Assert.Equal("/var/lib/flowlog-athena", Value(parse, "--state"));
        Assert.StartsWith($"/var/cache/{Unit.One("Service", "CacheDirectory")}/", Value(parse, "--cache"), StringComparison.Ordinal);
    }

    [Fact]
    public void Service_is_notify_type_restarts_on_failure_and_outwaits_the_worker_shutdown()
    {
        Assert.Equal("notify", Unit.One("Service", "Type"));
        Assert.Equal("on-failure", Unit.One("Service", "Restart"));
        // Bad settings (exit 2) would fail again the same way: no restart for them.
        Assert.Equal(ExitCodes.BadInput.ToString(System.Globalization.CultureInfo.InvariantCulture), Unit.One("Service", "RestartPreventExitStatus"));
        // systemd must not kill the worker while it is still stopping Athena queries.
        var stop = TimeSpan.FromSeconds(int.Parse(Unit.One("Service", "TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stop > new WorkerOptions().ShutdownTimeout, $"TimeoutStopSec {stop} must exceed the worker's shutdown timeout {new WorkerOptions().ShutdownTimeout}");
    }

    [Fact]
    public void Service_runs_as_its_own_user_with_the_hardening_and_writes_only_its_folders()
    {
        var user = Unit.One("Service", "User");
        Assert.NotEqual("root", user);
        Assert.Equal(user, Unit.One("Service", "Group"));
        Assert.Equal("yes", Unit.One("Service", "NoNewPrivileges"));
        Assert.Equal("strict", Unit.One("Service", "ProtectSystem"));
        Assert.Equal("yes", Unit.One("Service", "PrivateTmp"));
        Assert.Equal("yes", Unit.One("Service", "ProtectHome"));
        Assert.Empty(Unit.All("Service", "MemoryDenyWriteExecute")); // the .NET JIT needs writable code pages
        var writable = Unit.One("Service", "ReadWritePaths").Split(' ').Select(p => p.TrimStart('-')).ToList();
        Assert.Contains("/var/lib/flowlog-athena", writable);
        Assert.Equal("/var/lib/flowlog-athena", Unit.One("Service", "WorkingDirectory"));
        Assert.Equal("/var/lib/" + Unit.One("Service", "StateDirectory"), Unit.One("Service", "WorkingDirectory"));
    }

    [Fact]
    public void Region_is_set_and_no_credentials_are_in_the_unit()
    {
        Assert.Contains(Unit.All("Service", "Environment"), e => e.StartsWith("AWS_REGION=", StringComparison.Ordinal));
        var text = System.IO.File.ReadAllText(Path.Combine(SystemdUnit.Folder, File));
        foreach (var secret in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_reports_lines_outside_sections_and_lines_without_a_key()
    {
        var bad = SystemdUnit.Parse("Orphan=1\n[Service]\nType=notify\njust words\n[Service]\n");

        Assert.Equal(["line 1: Orphan=1 is outside any section", "line 4: not Key=Value: just words", "line 5: section [Service] repeated"], bad.Problems);
    }

    [Fact]
    public async Task Systemd_analyze_verify_finds_nothing_to_complain_about()
    {
        // verify checks every directive and value; it also wants ExecStart's binary to exist, so the copy it reads
        // runs the CLI built for these tests in its place (the apphost, or /bin/true where none is built).
        var built = Path.Combine(AppContext.BaseDirectory, "flowlog-athena");
        var text = System.IO.File.ReadAllText(Path.Combine(SystemdUnit.Folder, File))
            .Replace("/opt/flowlog-athena/flowlog-athena", System.IO.File.Exists(built) ? built : "/bin/true", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("flowlog-athena-unit");
        try
        {
            var copy = Path.Combine(folder.FullName, File);
            await System.IO.File.WriteAllTextAsync(copy, text);
            var (exitCode, printed) = await ExternalTool.RunAsync("systemd-analyze", ["verify", "--man=no", copy], TimeSpan.FromMinutes(1),
                "it comes with Debian's systemd package (apt-get install systemd).");
            var output = printed.Trim();
            // verify exits 0 even for an unknown key or a bad value, and only says so: any output is a finding.
            Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify exit {exitCode}:\n{output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? Value(ParseResult parse, string option) =>
        parse.CommandResult.Command.Options.Single(o => o.Name == option) is Option<string> typed ? parse.GetValue(typed) : null;
}
