using System.Globalization;
using System.Text;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// Where a job writes each query's CSV: a local path or <c>s3://bucket/key</c> with placeholders. The date
/// placeholders are the window's first local day in the job's time zone, so a rerun for the same window writes
/// the same keys. <c>{query}</c> is required: without it every query of the job would write the same key.
/// </summary>
public sealed class OutputTemplate
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

    private OutputTemplate(string text, IReadOnlyList<(bool, string)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    public bool IsS3 => Text.StartsWith("s3://", StringComparison.Ordinal);

    /// <summary>Parses a template, or returns null and the reason it is wrong.</summary>
    public static OutputTemplate? TryParse(string text, out string reason)
    {
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
        if (!parts.Any(p => p.Item1 && p.Item2 == "query"))
        {
            reason = $"output '{text}' has no '{{query}}' placeholder, so every query would write the same file.";
            return null;
        }
        if (text.StartsWith("s3://", StringComparison.Ordinal) && (text.Length <= 5 || text[5] == '/' || !text[5..].Contains('/', StringComparison.Ordinal)))
        {
            reason = $"output '{text}' must be s3://bucket/key.";
            return null;
        }
        return new OutputTemplate(text, parts);
    }

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
