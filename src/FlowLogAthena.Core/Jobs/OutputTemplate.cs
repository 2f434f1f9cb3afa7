using System.Globalization;
using System.Text;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// Where a job writes each query's result: a local path or <c>s3://bucket/key</c> with placeholders, ending in
/// .csv, .json or .jsonl (the format). The date placeholders are the window's first local day in the job's time
/// zone, so a rerun for the same window writes the same keys. <c>{query}</c> is required: without it every query
/// of the job would write the same key. A run's manifest has a template of its own, without <c>{pack}</c> and
/// <c>{query}</c> (see <see cref="TryParseManifest"/>).
/// </summary>
public sealed partial class OutputTemplate
{
    /// <summary>Every placeholder a template may use, with what it stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["job"] = "the job's name",
        ["pack"] = "the query's pack",
        ["query"] = "the query id",
        ["yyyy"] = "the window's first day: year",
        ["MM"] = "month, 01-12",
        ["dd"] = "day, 01-31",
    };

    private readonly IReadOnlyList<(bool IsPlaceholder, string Text)> _parts;

    private OutputTemplate(string text, IReadOnlyList<(bool, string)> parts, ResultFormat format)
    {
        Text = text;
        _parts = parts;
        Format = format;
    }

    public string Text { get; }

    public ResultFormat Format { get; }

    public bool IsS3 => Text.StartsWith("s3://", StringComparison.Ordinal);

    /// <summary>Parses a query output template, or returns null and the reason it is wrong.</summary>
    public static OutputTemplate? TryParse(string text, out string reason) => TryParse(text, TemplateKind.Output, out reason);

    /// <summary>Parses a manifest template: job and date placeholders only, ending in .json.</summary>
    public static OutputTemplate? TryParseManifest(string text, out string reason) => TryParse(text, TemplateKind.Manifest, out reason);

    /// <summary>Parses a report job's output folder: job and date placeholders only; a trailing '/' is dropped.</summary>
    public static OutputTemplate? TryParseFolder(string text, out string reason) => TryParse(text.TrimEnd('/'), TemplateKind.Folder, out reason);

    /// <summary>A report job's manifest default: <c>manifest.json</c> in its first output folder.</summary>
    public static OutputTemplate DefaultFolderManifest(OutputTemplate firstFolder) =>
        TryParseManifest(firstFolder.Text + "/manifest.json", out var reason) ?? throw new InvalidOperationException(reason);

    private enum TemplateKind
    {
        Output,
        Manifest,
        Folder,
    }

    /// <summary>
    /// The manifest's default place, beside the outputs: the first output template with <c>{query}</c> made
    /// <c>manifest</c>, <c>{pack}</c> dropped (a whole <c>{pack}/</c> folder, or the placeholder with one separator
    /// next to it) and the extension made .json. <c>out/{job}/{yyyy}/{MM}/{dd}/{pack}/{query}.csv</c> gives
    /// <c>out/{job}/{yyyy}/{MM}/{dd}/manifest.json</c>.
    /// </summary>
    public static OutputTemplate DefaultManifest(OutputTemplate firstOutput)
    {
        var text = firstOutput.Text.Replace("/{pack}/", "/", StringComparison.Ordinal).Replace("{query}", "manifest", StringComparison.Ordinal);
        text = PackInName().Replace(text, "");
        if (text.LastIndexOf('.') > text.LastIndexOf('/')) text = text[..text.LastIndexOf('.')];
        text += ".json";
        return TryParseManifest(text, out var reason) ?? throw new InvalidOperationException(reason);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{pack\}[-_]|[-_.]\{pack\}|\{pack\}")]
    private static partial System.Text.RegularExpressions.Regex PackInName();

    private static OutputTemplate? TryParse(string text, TemplateKind kind, out string reason)
    {
        var what = kind switch { TemplateKind.Manifest => "manifest", TemplateKind.Folder => "report output folder", _ => "output" };
        reason = "";
        var parts = new List<(bool, string)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                reason = $"output '{text}' has a '}}' at position {i + 1} that closes no placeholder.";
                return null;
            }
            if (text[i] != '{')
            {
                literal.Append(text[i]);
                continue;
            }
            var close = text.IndexOf('}', i + 1);
            if (close < 0 || text.IndexOf('{', i + 1, close - i - 1) >= 0)
            {
                reason = $"output '{text}' opens a placeholder at position {i + 1} that is never closed with '}}'.";
                return null;
            }
            var name = text[(i + 1)..close];
            if (kind != TemplateKind.Output && name is "pack" or "query")
            {
                var why = kind == TemplateKind.Manifest ? "one manifest covers every query of a run" : "the report writes all its files into the one folder";
                reason = $"{what} '{text}' cannot use '{{{name}}}': {why}. Placeholders: {{job}}, {{yyyy}}, {{MM}}, {{dd}}.";
                return null;
            }
            if (!Placeholders.ContainsKey(name))
            {
                var nearest = Placeholders.Keys.OrderBy(k => EditDistance.Between(name, k)).ThenBy(k => k, StringComparer.Ordinal).First();
                var hint = EditDistance.Between(name, nearest) <= Math.Max(2, name.Length / 3) ? $" Did you mean '{{{nearest}}}'?" : "";
                reason = $"output '{text}' has an unknown placeholder '{{{name}}}'.{hint} Placeholders: {string.Join(", ", Placeholders.Keys.Select(k => "{" + k + "}"))}.";
                return null;
            }
            if (literal.Length > 0) parts.Add((false, literal.ToString()));
            literal.Clear();
            parts.Add((true, name));
            i = close;
        }
        if (literal.Length > 0) parts.Add((false, literal.ToString()));
        if (kind == TemplateKind.Output && !parts.Any(p => p.Item1 && p.Item2 == "query"))
        {
            reason = $"output '{text}' has no '{{query}}' placeholder, so every query would write the same file.";
            return null;
        }
        if (text.StartsWith("s3://", StringComparison.Ordinal) && (text.Length <= 5 || text[5] == '/' || !text[5..].Contains('/', StringComparison.Ordinal)))
        {
            reason = $"{what} '{text}' must be s3://bucket/key.";
            return null;
        }
        if (kind == TemplateKind.Folder && text.Length == 0)
        {
            reason = "a report output folder is empty.";
            return null;
        }
        var extension = kind == TemplateKind.Folder ? "" : Path.GetExtension(text).ToLowerInvariant();
        if (kind == TemplateKind.Manifest && extension != ".json")
        {
            reason = $"manifest '{text}' must end in .json.";
            return null;
        }
        var format = ResultFormat.FromFileName(text);
        if (kind == TemplateKind.Output && format is null)
        {
            reason = $"output '{text}' must end in .csv, .json or .jsonl (the format it is written in).";
            return null;
        }
        return new OutputTemplate(text, parts, format ?? ResultFormat.JsonLines);
    }

    /// <summary>A manifest's or report folder's key or path for a run whose window starts on <paramref name="firstDay"/> (local).</summary>
    public string ExpandForRun(string job, DateOnly firstDay) => Expand(job, "", "", firstDay);

    /// <summary>The key or path for one query of a run whose window starts on <paramref name="firstDay"/> (local).</summary>
    public string Expand(string job, string pack, string query, DateOnly firstDay)
    {
        var result = new StringBuilder();
        foreach (var (isPlaceholder, text) in _parts)
        {
            result.Append(!isPlaceholder ? text : text switch
            {
                "job" => job,
                "pack" => pack,
                "query" => query,
                "yyyy" => firstDay.Year.ToString("0000", CultureInfo.InvariantCulture),
                "MM" => firstDay.Month.ToString("00", CultureInfo.InvariantCulture),
                "dd" => firstDay.Day.ToString("00", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"Unknown placeholder {text}."),
            });
        }
        return result.ToString();
    }

    public override string ToString() => Text;
}
