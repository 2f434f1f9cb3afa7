namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>One row of the list in docs/PARITY.md.</summary>
/// <param name="Why">For a query DuckDB cannot run: the Trino feature it needs, in words.</param>
/// <param name="DuckDbError">For a query DuckDB cannot run: text DuckDB's error message contains.</param>
public sealed record ParityListRow(string Query, string Parameters, bool Executable, string Why, string DuckDbError, int Line);

/// <summary>
/// The list in docs/PARITY.md of every catalog query and parameter variant, saying whether its two renderings
/// are proven identical on DuckDB or why the Athena one cannot run there. The parity tests hold the list to the
/// truth both ways: an unlisted variant, a listed one DuckDB fails on, and a listed-as-failing one that now runs
/// all fail.
/// </summary>
public static class ParityList
{
    public const string Identical = "identical";
    public const string NotExecutable = "not executable";
    private const string Begin = "<!-- parity-list:begin -->";
    private const string End = "<!-- parity-list:end -->";

    public static string File => RepositoryRoot.Combine("docs", "PARITY.md");

    public static IReadOnlyList<ParityListRow> Load()
    {
        var lines = System.IO.File.ReadAllLines(File);
        var begin = Array.IndexOf(lines, Begin);
        var end = Array.IndexOf(lines, End);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"{File} has no list between {Begin} and {End}.");
        var rows = new List<ParityListRow>();
        for (var i = begin + 1; i < end; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|') || line.StartsWith("| Query", StringComparison.Ordinal) || line.StartsWith("| ---", StringComparison.Ordinal)) continue;
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var where = $"{File}:{i + 1}";
            if (cells.Length != 5) throw new InvalidOperationException($"{where}: a row has 5 cells: query | parameters | result | why | DuckDB's error.");
            var executable = cells[2] switch
            {
                Identical => true,
                NotExecutable => false,
                _ => throw new InvalidOperationException($"{where}: the result is '{Identical}' or '{NotExecutable}', not '{cells[2]}'."),
            };
            var (why, error) = (cells[3], cells[4].Trim('`'));
            if (executable == (why.Length > 0 || error.Length > 0))
                throw new InvalidOperationException($"{where}: a '{NotExecutable}' row needs why and DuckDB's error; an '{Identical}' row has neither.");
            rows.Add(new ParityListRow(cells[0].Trim('`'), cells[1], executable, why, error, i + 1));
        }
        return rows;
    }

    /// <summary>The row to paste for a variant, as the tests found it.</summary>
    public static string Row(string query, string parameters, string? duckDbError) => duckDbError is null
        ? $"| {query} | {parameters} | {Identical} | | |"
        : $"| {query} | {parameters} | {NotExecutable} | <the Trino feature DuckDB lacks> | `{duckDbError}` |";
}
