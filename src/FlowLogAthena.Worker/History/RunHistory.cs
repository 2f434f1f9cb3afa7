using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowLogAthena.Worker.History;

/// <summary>What reading a job's history found: its records in file order, and lines that did not parse.</summary>
public sealed record HistoryContent(string File, bool Exists, IReadOnlyList<RunRecord> Records, int UnreadableLines);

/// <summary>
/// The run history: one append-only JSON lines file per job, <c>&lt;state&gt;/history/&lt;job&gt;.jsonl</c>.
/// A record is appended with a single write and flushed to disk; earlier lines are never rewritten, so a crash
/// mid-write can cut short only the line being written. Reading skips such a line, and the next append starts on
/// a fresh line so the cut-short one stays isolated.
/// </summary>
public sealed class RunHistory(string stateFolder)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string Folder { get; } = Path.Combine(stateFolder, "history");

    /// <summary>Job names are letters, digits, '-' and '_' (the parser checks), so they are safe file names.</summary>
    public string FileOf(string job) => Path.Combine(Folder, job + ".jsonl");

    /// <summary>Creates the history folder at start, so an unusable one is a settings error before any run, not a lost record after.</summary>
    public void Prepare()
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var probe = Path.Combine(Folder, $".write-check.{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Core.Errors.WorkerSettingsException($"serve: the run history folder '{Path.GetFullPath(Folder)}' cannot be written: {e.Message}", e);
        }
    }

    public async Task AppendAsync(RunRecord record, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        await using var stream = new FileStream(FileOf(record.Job), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.Asynchronous);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            var last = new byte[1];
            await stream.ReadExactlyAsync(last, cancellationToken).ConfigureAwait(false);
            if (last[0] != (byte)'\n') line = [(byte)'\n', .. line];
        }
        stream.Seek(0, SeekOrigin.End);
        await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
    }

    public async Task<HistoryContent> ReadAsync(string job, CancellationToken cancellationToken)
    {
        var file = FileOf(job);
        if (!File.Exists(file)) return new HistoryContent(file, false, [], 0);
        var records = new List<RunRecord>();
        var unreadable = 0;
        await foreach (var line in File.ReadLinesAsync(file, cancellationToken).ConfigureAwait(false))
        {
            if (line.Length == 0) continue;
            try
            {
                if (JsonSerializer.Deserialize<RunRecord>(line, Json) is { } record && record.Job == job) records.Add(record);
                else unreadable++;
            }
            catch (JsonException)
            {
                unreadable++;
            }
        }
        return new HistoryContent(file, true, records, unreadable);
    }
}
