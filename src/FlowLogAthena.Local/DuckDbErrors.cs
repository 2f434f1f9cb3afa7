using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local;

/// <summary>
/// Turns DuckDB's errors into the product's typed errors, naming the file, line and field that was wrong and
/// keeping what DuckDB said about it (the lines before its advice, not only the first). A broken gzip file never
/// gets here: the file check that runs beside every text read names it (see <see cref="CheckedRead"/>).
/// </summary>
internal static partial class DuckDbErrors
{
    public static Exception Translate(Exception error, RenderedQuery query, IReadOnlyList<LogFile> files)
    {
        var summary = Summary(error.Message);
        if (error.Message.Contains("disabled by configuration", StringComparison.Ordinal)
            || error.Message.Contains("configuration has been locked", StringComparison.Ordinal))
            return new QueryDefinitionException(
                $"{query.SourcePath ?? query.QueryId}: the query reaches outside the flow log table, which a query pack may not do ({summary}). "
                + "A query may only read the window's flow logs: one SELECT over the table, no files, settings or extensions.", error);

        var own = summary.IndexOf(FlowLogViewSql.ParquetValueError + " '", StringComparison.Ordinal);
        if (own >= 0) return new SourceException(summary[own..], error);

        var named = files.FirstOrDefault(f => error.Message.Contains(f.Path, StringComparison.Ordinal));
        if (named is not null) return new SourceException(Located(named.Path, error.Message, summary), error);

        if (summary.Contains("Out of Memory Error", StringComparison.Ordinal))
            return new QueryExecutionException(
                $"DuckDB ran out of memory running query '{query.QueryId}' ({summary}). Give it more with --memory-limit, or fewer threads with --threads.", error);
        return new QueryExecutionException($"DuckDB failed to run query '{query.QueryId}': {summary}", error);
    }

    /// <summary>"file, line N, field F: what was wrong", from DuckDB's CSV error report.</summary>
    private static string Located(string path, string message, string summary)
    {
        var line = LinePattern().Match(message);
        var where = line.Success ? $"'{path}', line {line.Groups[1].Value}" : $"'{path}'";
        var conversion = ConversionPattern().Match(message);
        if (conversion.Success)
        {
            var column = conversion.Groups["column"].Value;
            var rule = FieldCatalog.TryGet(column.Replace('_', '-'), out var field) ? field.ValidValues : $"a {conversion.Groups["type"].Value}";
            return $"Flow log file {where}, field {column}: \"{Printable(conversion.Groups["value"].Value)}\" is not {rule}, so it is no value a flow log can hold.";
        }
        var columns = ColumnCountPattern().Match(message);
        if (columns.Success)
            return $"Flow log file {where} has {columns.Groups[2].Value} fields, but the format has {columns.Groups[1].Value}; every record has one value (or '-') per field of the header.";
        return $"Cannot read flow log file {where}: {summary}";
    }

    /// <summary>What DuckDB said before its advice ("Possible solutions", the reader's settings), on one line.</summary>
    internal static string Summary(string message)
    {
        var kept = new List<string>();
        foreach (var raw in message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (kept.Count > 0) break;
                continue;
            }
            if (line.StartsWith("Possible ", StringComparison.Ordinal) || line.StartsWith("LINE ", StringComparison.Ordinal)) break;
            if (line.StartsWith("This type was auto-detected", StringComparison.Ordinal)) continue;
            kept.Add(Printable(line, 1000));
        }
        return string.Join("; ", kept);
    }

    /// <summary>Text from a file, safe to print: no control characters (terminal escapes), cut to <paramref name="max"/> characters.</summary>
    private static string Printable(string text, int max = 200)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= max ? clean : clean[..max] + "…";
    }

    [GeneratedRegex(@"line:? (\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LinePattern();

    [GeneratedRegex("""converting column "(?<column>[^"]*)"\. Could not convert string "(?<value>.*)" to '(?<type>[^']*)'""")]
    private static partial Regex ConversionPattern();

    [GeneratedRegex(@"Expected Number of Columns: (\d+) Found: (\d+)")]
    private static partial Regex ColumnCountPattern();
}
