using System.Text.Json;
using FlowLogAthena.Worker.History;

namespace FlowLogAthena.Worker.Tests;

public sealed class RunHistoryTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "flowlog-athena-worker-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Each_record_is_one_json_line_with_the_documented_fields()
    {
        var history = new RunHistory(_state);
        var at = DateTimeOffset.Parse("2026-11-10T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await history.AppendAsync(new RunRecord("nightly", at, at.AddSeconds(1), at.AddMinutes(3), RunRecordState.Partial, "out/m.json", "1 query failed"), CancellationToken.None);
        await history.AppendAsync(new RunRecord("nightly", at.AddDays(1), null, null, RunRecordState.Skipped, null, "overlap"), CancellationToken.None);

        var lines = File.ReadAllLines(Path.Combine(_state, "history", "nightly.jsonl"));

        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(["job", "scheduledAt", "startedUtc", "finishedUtc", "state", "manifest", "error", "catchUp"],
            first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("partial", first.RootElement.GetProperty("state").GetString());
        Assert.Equal("2026-11-10T06:30:00+00:00", first.RootElement.GetProperty("scheduledAt").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(lines[1]).RootElement.GetProperty("startedUtc").ValueKind);
        var read = await history.ReadAsync("nightly", CancellationToken.None);
        Assert.Equal([RunRecordState.Partial, RunRecordState.Skipped], read.Records.Select(r => r.State));
    }

    [Fact]
    public async Task A_line_cut_short_by_a_crash_loses_only_itself()
    {
        var history = new RunHistory(_state);
        var at = DateTimeOffset.Parse("2026-11-10T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await history.AppendAsync(new RunRecord("nightly", at, at, at, RunRecordState.Succeeded, null, null), CancellationToken.None);
        // A crash mid-append leaves a partial line without its newline.
        await File.AppendAllTextAsync(history.FileOf("nightly"), """{"job":"nightly","scheduledAt":"2026-11-11T06:""");
        await history.AppendAsync(new RunRecord("nightly", at.AddDays(2), at, at, RunRecordState.Failed, null, "boom"), CancellationToken.None);

        var read = await history.ReadAsync("nightly", CancellationToken.None);

        Assert.Equal([at, at.AddDays(2)], read.Records.Select(r => r.ScheduledAt));
        Assert.Equal(1, read.UnreadableLines);
        Assert.Equal(3, File.ReadAllLines(history.FileOf("nightly")).Length);
    }

    [Fact]
    public async Task A_job_never_run_has_no_history_file()
    {
        var read = await new RunHistory(_state).ReadAsync("never", CancellationToken.None);

        Assert.False(read.Exists);
        Assert.Empty(read.Records);
    }

    public void Dispose()
    {
        if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
    }
}
