using System.Globalization;
using System.Text;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>
/// Reads the CSV file a <c>mapping</c> parameter names (e.g. instance and subnet ids to cost centers) and checks it
/// before any SQL is built: a header holding every declared column, the same number of fields on every line, no
/// empty or control-character values, and unique keys (the first declared column). Problems name the file and line.
/// </summary>
/// <remarks>
/// CSV as RFC 4180 writes it, one record per line: fields separated by commas, optionally in double quotes with
/// <c>""</c> for a quote inside. A UTF-8 byte order mark and blank lines are ignored, values are trimmed, header
/// names match case-insensitively, and columns the parameter does not declare are ignored.
/// </remarks>
internal static class MappingFile
{
    /// <summary>Rows a mapping may have: its values are inlined into the SQL, and Athena caps a query at 256 KB.</summary>
    public const int MaxRows = 5000;

    /// <summary>The longest value a cell may hold.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Characters all kept values may add up to, so the inlined table stays well inside Athena's query size.</summary>
    public const int MaxTotalCharacters = 150_000;

    private const long MaxFileBytes = 16L << 20;

    /// <summary>Reads and validates the file; returns null on success, else why it was refused (naming the file and line).</summary>
    public static string? TryRead(QueryParameterDefinition parameter, string pathText, out ParameterValue? value)
    {
        value = null;
        string path;
        try
        {
            path = Path.GetFullPath(pathText);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return "is not a usable file path";
        }
        if (Directory.Exists(path)) return $"names a folder ({path}), not a CSV file";
        if (!File.Exists(path)) return $"names no file (looked for {path})";
        if (new FileInfo(path).Length > MaxFileBytes) return $"names a file over {MaxFileBytes >> 20} MiB ({path})";

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return $"names a file that cannot be read as UTF-8 text ({path}): {e.Message}";
        }
        var reason = Parse(parameter, lines, out var rows);
        if (reason is not null) return $"is refused: {path}{reason}";
        value = new MappingValue(path, parameter.Columns, rows);
        return null;
    }

    /// <summary>Checks the lines against the columns; a failure reason starts with ":LINE: " (or ": " for the whole file).</summary>
    internal static string? Parse(IReadOnlyList<string> columns, IReadOnlyList<string> lines, out List<IReadOnlyList<string>> rows) =>
        Parse(new QueryParameterDefinition { Name = "mapping", Type = QueryParameterType.Mapping, Columns = columns }, lines, out rows);

    /// <summary>
    /// Checks the lines against the parameter's columns, its allowed keys (<c>values</c>) and its decimal columns
    /// (within <c>min</c> and <c>max</c>); a failure reason starts with ":LINE: " (or ": " for the whole file).
    /// </summary>
    internal static string? Parse(QueryParameterDefinition parameter, IReadOnlyList<string> lines, out List<IReadOnlyList<string>> rows)
    {
        var columns = parameter.Columns;
        rows = [];
        var records = new List<(int Line, List<string> Fields)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            if (text.Trim().Length == 0) continue;
            var error = SplitFields(text, out var fields);
            if (error is not null) return $":{i + 1}: {error}";
            records.Add((i + 1, fields));
        }
        if (records.Count == 0) return $": is empty; its first line must be the header {string.Join(",", columns)}";

        var (headerLine, header) = records[0];
        var positions = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var matches = header.Select((name, index) => (name, index))
                .Where(h => string.Equals(h.name, columns[c], StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
                return $":{headerLine}: the header lacks column '{columns[c]}' (it has {string.Join(", ", header.Select(h => $"'{Show(h)}'"))}; needed: {string.Join(", ", columns)})";
            if (matches.Count > 1) return $":{headerLine}: the header has column '{columns[c]}' {matches.Count} times";
            positions[c] = matches[0].index;
        }
        if (records.Count == 1) return $":{headerLine}: has the header but no rows";
        if (records.Count - 1 > MaxRows) return $": has {records.Count - 1} rows, more than {MaxRows}";

        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
                return $":{line}: has {fields.Count} field{(fields.Count == 1 ? "" : "s")}, but the header has {header.Count}";
            var row = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = fields[positions[c]];
                var problem = cell.Length == 0 ? "is empty"
                    : cell.Length > MaxValueLength ? $"is longer than {MaxValueLength} characters"
                    : cell.Any(char.IsControl) ? $"contains a control character (U+{(int)cell.First(char.IsControl):X4})"
                    : cell.Contains(';', StringComparison.Ordinal) ? "contains ';', which no query text may hold"
                    : null;
                problem ??= c == 0 && parameter.Values.Count > 0 && !parameter.Values.Contains(cell, StringComparer.Ordinal)
                    ? $"is not one of {string.Join(", ", parameter.Values)}"
                    : parameter.DecimalColumns.Contains(columns[c], StringComparer.Ordinal) ? DecimalProblem(parameter, cell) : null;
                if (problem is not null) return $":{line}: {columns[c]} '{Show(cell)}' {problem}";
                row[c] = cell;
                total += cell.Length;
            }
            if (firstLineOfKey.TryGetValue(row[0], out var first))
                return $":{line}: {columns[0]} '{Show(row[0])}' appears again (first on line {first.ToString(CultureInfo.InvariantCulture)}); each {columns[0]} may be mapped once";
            firstLineOfKey[row[0]] = line;
            rows.Add(row);
        }
        if (total > MaxTotalCharacters) return $": holds {total} characters of values, more than {MaxTotalCharacters}";
        return null;
    }

    /// <summary>Why a decimal column's cell is refused: not a decimal number, or outside the parameter's bounds.</summary>
    private static string? DecimalProblem(QueryParameterDefinition parameter, string cell)
    {
        if (DecimalText.TryParse(cell, out var value) is { } reason) return reason;
        if (parameter.Min is { } min && value < min) return $"is below {min}";
        if (parameter.Max is { } max && value > max) return $"is above {max}";
        return null;
    }

    /// <summary>Splits one CSV line into trimmed fields; returns why it cannot be split, or null.</summary>
    private static string? SplitFields(string line, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) return "has a quoted field without its closing quote";
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                while (i < line.Length && line[i] is ' ' or '\t') i++;
                if (i < line.Length && line[i] != ',') return "has text after a quoted field's closing quote";
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"') return "has a quote inside an unquoted field (quote the whole field and double the quote)";
                    field.Append(line[i++]);
                }
            }
            fields.Add(field.ToString().Trim());
            if (i >= line.Length) return null;
            i++; // the comma
        }
    }

    private static string Show(string value) => ParameterParser.Show(value);
}
