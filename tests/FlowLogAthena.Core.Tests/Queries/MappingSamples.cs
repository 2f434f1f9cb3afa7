using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>Sample CSV files for <c>mapping</c> parameters: the declared header and two rows, one holding a quote.</summary>
internal static class MappingSamples
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", "mapping-samples");

    public static string File(QueryParameterDefinition parameter)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{parameter.Name}-{Guid.NewGuid():N}.csv");
        var columns = parameter.Columns;
        // Keys from the allowed ones when the mapping lists them; decimal columns hold prices.
        string Key(int row) => parameter.Values.Count > 0 ? parameter.Values[row % parameter.Values.Count] : row == 0 ? "i-0123456789abcdef0" : "subnet-0123456789abcdef0";
        string Cell(string column, int row) => parameter.DecimalColumns.Contains(column) ? (row == 0 ? "0.0537" : "0.000123")
            : row == 0 ? "team-a" : "\"O'Brien, \"\"ops\"\"\"";
        var lines = new[]
        {
            string.Join(',', columns),
            string.Join(',', columns.Select((c, i) => i == 0 ? Key(0) : Cell(c, 0))),
            string.Join(',', columns.Select((c, i) => i == 0 ? Key(1) : Cell(c, 1))),
        };
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }
}
