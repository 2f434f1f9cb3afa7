using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// The header line AWS writes at the top of every text log file: the format's field names, space-separated.
/// Every file of a window is checked, not a sample: two flow logs often deliver to one prefix, and a file read
/// with another file's column order gives wrong numbers without any error.
/// </summary>
public static class TextLogHeader
{
    /// <summary>
    /// How many files are checked at once: the check is a gzip inflate, and the local engine runs it beside DuckDB's
    /// read of the same files, which takes every core; half of them lets the check fill DuckDB's idle time without
    /// crowding it.
    /// </summary>
    private static readonly int Parallelism = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>The field names of a file's header line, normalised to AWS names; null when the file holds no text.</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = LogFileGuard.OpenRead(path);
        return Split(await GzipTextReader.FirstLineAsync(file, path, wholeFile: false, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The header of a gzip text log read from a stream (which may hold only the object's first bytes).</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(Stream compressed, string name, CancellationToken cancellationToken) =>
        Split(await GzipTextReader.FirstLineAsync(compressed, name, wholeFile: false, cancellationToken).ConfigureAwait(false));

    /// <summary>The format a header names, or null when some token is not a known field (then it proves nothing).</summary>
    public static FlowLogFormat? FormatOf(IReadOnlyList<string> header) =>
        header.Count > 0 && header.All(name => FieldCatalog.TryGet(name, out _)) && header.Distinct().Count() == header.Count
            ? FlowLogFormat.Parse(string.Join(' ', header.Select(name => "${" + name + "}")))
            : null;

    /// <summary>The one format every file's header names (headers only, one gzip block each); null when there are no files.</summary>
    /// <exception cref="SourceException">A file without AWS's header, or files of two formats.</exception>
    public static async Task<FlowLogFormat?> DetectAsync(IReadOnlyList<LogFile> files, CancellationToken cancellationToken) =>
        files.Count == 0 ? null : await AgreeAsync(null, files, wholeFile: false, cancellationToken).ConfigureAwait(false);

    /// <summary>Checks every file: gzip complete, AWS's header present and naming exactly the format given.</summary>
    /// <exception cref="FlowLogFormatException">All files name another format: the message gives the one to pass.</exception>
    /// <exception cref="SourceException">A file that is empty, not gzip, truncated, without a header, or of a second format.</exception>
    public static Task VerifyAsync(FlowLogFormat format, IReadOnlyList<LogFile> files, CancellationToken cancellationToken) =>
        AgreeAsync(format, files, wholeFile: true, cancellationToken);

    private static async Task<FlowLogFormat> AgreeAsync(FlowLogFormat? given, IReadOnlyList<LogFile> files, bool wholeFile, CancellationToken cancellationToken)
    {
        var formats = new FlowLogFormat[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, token) => formats[i] = await FormatOfFileAsync(files[i], wholeFile, token).ConfigureAwait(false)).ConfigureAwait(false);

        var groups = Enumerable.Range(0, files.Count).GroupBy(i => formats[i].FormatString).ToList();
        if (groups.Count > 1) throw TwoFormats(files, formats, groups);
        var named = formats[0];
        if (given is not null && named.FormatString != given.FormatString)
            throw new FlowLogFormatException(
                $"The header of '{files[0].Path}' lists the fields \"{Names(named)}\", but the format given is \"{given.FormatString}\". "
                + $"Pass the flow log's own format: --format \"{named.FormatString}\" (or omit --format to use the files' header).");
        return named;
    }

    private static async Task<FlowLogFormat> FormatOfFileAsync(LogFile file, bool wholeFile, CancellationToken cancellationToken)
    {
        LogFileGuard.EnsureHasBytes(file);
        await using var stream = LogFileGuard.OpenRead(file.Path);
        var line = await GzipTextReader.FirstLineAsync(stream, file.Path, wholeFile, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(line))
            throw new SourceException($"Flow log file '{file.Path}' holds no text, or its first line is blank: it lacks AWS's header line of field names; it is not a delivered flow log. Delete it or fetch it again.");
        var header = Split(line)!;
        var unknown = header.FirstOrDefault(name => !FieldCatalog.TryGet(name, out _));
        if (unknown is not null)
            throw new SourceException(
                $"Flow log file '{file.Path}' line 1 is not AWS's header line of field names: it reads \"{Shorten(line)}\", and '{Shorten(unknown)}' is no flow log field. "
                + "AWS starts every text log with the field names (e.g. \"version account-id interface-id …\"); without them the first record would be lost or misread.");
        try
        {
            return FlowLogFormat.Parse(string.Join(' ', header.Select(name => "${" + name + "}")));
        }
        catch (FlowLogFormatException e)
        {
            throw new SourceException($"Flow log file '{file.Path}' line 1 is not a valid header: {e.Message}", e);
        }
    }

    /// <summary>
    /// Files of several formats in one window: several flow logs deliver to the prefix. Lists each flow log (its id,
    /// kind, accounts and regions, files and format), as <c>discover</c> would, and says how to read one.
    /// </summary>
    private static SourceException TwoFormats(IReadOnlyList<LogFile> files, FlowLogFormat[] formats, List<IGrouping<string, int>> groups)
    {
        var logs = Enumerable.Range(0, files.Count)
            .GroupBy(i => (Id: files[i].FlowLogId, Format: formats[i].FormatString))
            .OrderBy(g => g.Key.Id ?? "~", StringComparer.Ordinal).ThenBy(g => g.Key.Format, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = files[g.First()];
                var format = formats[g.First()];
                var where = string.Join(", ", g.Select(i => $"{files[i].Account} {files[i].Region}").Distinct().Order(StringComparer.Ordinal));
                var name = g.Key.Id ?? "files named without a flow log id";
                return $"  {name} ({format.Kind.ToDisplayName()}, {where}, {g.Count()} file(s) such as '{first.Path}'): \"{Names(format)}\"";
            });
        return new SourceException(
            $"Flow log files of {groups.Count} formats are in the same window, and one table cannot read them with one column order. "
            + "Several flow logs deliver to this prefix:\n" + string.Join('\n', logs) + "\n"
            + "Read one at a time with --flow-log-id <id> (flow_log_id: under source: in a job file); "
            + "`flowlog-athena discover --source <the same source>` lists every flow log there with the options to read it.");
    }

    private static string Names(FlowLogFormat format) => string.Join(' ', format.Fields.Select(f => f.Name));

    /// <summary>A line from a file, safe to print: at most 120 characters, control characters (terminal escapes) shown as '?'.</summary>
    private static string Shorten(string line) =>
        new string((line.Length <= 120 ? line : line[..120]).Select(c => char.IsControl(c) ? '?' : c).ToArray()) + (line.Length > 120 ? "…" : "");

    private static string[]? Split(string? line) =>
        line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalise).ToArray();

    private static string Normalise(string token) => token.Trim().Replace('_', '-').ToLowerInvariant();
}
