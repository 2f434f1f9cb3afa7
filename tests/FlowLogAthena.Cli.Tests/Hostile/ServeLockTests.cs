using System.Globalization;

namespace FlowLogAthena.Cli.Tests.Hostile;

/// <summary>
/// One <c>serve</c> per state folder, with real processes: a second one refuses to start (exit 2) naming the
/// first; SIGKILL on the first releases the OS lock, so the next one starts.
/// </summary>
public sealed class ServeLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flowlog-athena-serve-lock-").FullName;

    private string State => Path.Combine(_root, "state");

    private string Owner => Path.Combine(State, "serve.owner");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_second_serve_on_the_same_state_refuses_naming_the_first_and_a_killed_first_releases_the_folder()
    {
        Directory.CreateDirectory(Path.Combine(_root, "jobs"));
        using var first = Serve();
        await first.WaitUntilAsync(() => OwnerIs(first.Id), "the first worker takes the state folder");

        using (var second = Serve())
        {
            var refused = await second.ExitAsync();

            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains($"is in use by another worker (pid {first.Id.ToString(CultureInfo.InvariantCulture)}, started ", refused.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", refused.Stderr, StringComparison.Ordinal);
        }

        await first.SignalAsync("KILL");
        await first.ExitAsync();
        using var third = Serve();
        await third.WaitUntilAsync(() => OwnerIs(third.Id), "a new worker takes the folder the killed one held");
        await third.SignalAsync("TERM");
        var stopped = await third.ExitAsync();

        Assert.True(stopped.ExitCode == 0, stopped.ToString());
    }

    private CliProcess Serve() => CliProcess.Start(_root, new Dictionary<string, string>(), "serve", "--jobs", "jobs", "--state", "state");

    private bool OwnerIs(int pid)
    {
        try
        {
            return File.Exists(Owner) && File.ReadAllText(Owner).StartsWith($"pid {pid.ToString(CultureInfo.InvariantCulture)},", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
