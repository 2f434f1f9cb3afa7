using System.Diagnostics;

namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// Files and folders the user cannot read, tried as a real unprivileged user: the tests run as root, whom chmod does
/// not stop, so the CLI runs as a child process under `setpriv` as nobody.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnprivilegedReadTests : IDisposable
{
    private readonly SmallLogs _logs = new();
    private readonly string _home = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", "home-" + Guid.NewGuid().ToString("N"));

    public UnprivilegedReadTests()
    {
        Directory.CreateDirectory(_home);
        File.SetUnixFileMode(_home, (UnixFileMode)0x1FF);
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    /// <summary>Runs the built CLI as nobody over the small logs, with a home and working folder nobody may write.</summary>
    private async Task<(int ExitCode, string Stderr)> RunAsNobodyAsync()
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _home };
        foreach (var arg in new[]
        {
            "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "flowlog-athena.dll"),
            "run", "top-talkers", "--engine", "local", "--source", _logs.Root, "--layout", "default", "--from", "2026-11-02", "--to", "2026-11-04",
        })
            start.ArgumentList.Add(arg);
        start.Environment["HOME"] = _home;
        start.Environment["DOTNET_CLI_HOME"] = _home;
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(_home, ".cache"); // nobody's store and S3 cache
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stderr);
    }

    [Fact]
    public async Task The_logs_read_as_nobody_when_permissions_allow()
    {
        var (exitCode, stderr) = await RunAsNobodyAsync();

        Assert.True(exitCode == 0, stderr);
    }

    [Fact]
    public async Task An_unreadable_log_file_is_exit_2_naming_it()
    {
        var file = _logs.Write("2026/11/03", "20261103T0020Z", "2 012345678901 eni-1 10.0.0.1 10.0.0.2 443 5000 6 5 500 1793664100 1793664160 ACCEPT OK");
        File.SetUnixFileMode(file, UnixFileMode.None);

        var (exitCode, stderr) = await RunAsNobodyAsync();

        Assert.True(exitCode == 2, stderr);
        Assert.Contains(file, stderr);
        Assert.Contains("permission denied", stderr);
    }

    [Fact]
    public async Task An_unreadable_partition_folder_is_exit_2_naming_it()
    {
        var folder = Path.Combine(_logs.Root, "AWSLogs", "012345678901", "vpcflowlogs", "us-east-1", "2026", "11", "03");
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            var (exitCode, stderr) = await RunAsNobodyAsync();

            Assert.True(exitCode == 2, stderr);
            Assert.Contains(folder, stderr);
        }
        finally
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1ED);
        }
    }
}
