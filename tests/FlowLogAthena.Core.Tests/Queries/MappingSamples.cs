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
        var lines = new[]
        {
            string.Join(',', columns),
            string.Join(',', columns.Select((c, i) => i == 0 ? "i-0123456789abcdef0" : "team-a")),
            string.Join(',', columns.Select((c, i) => i == 0 ? "subnet-0123456789abcdef0" : "\"O'Brien, \"\"ops\"\"\"")),
        };
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }
}
