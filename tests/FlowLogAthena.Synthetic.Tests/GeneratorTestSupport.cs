using System.IO.Compression;

namespace FlowLogAthena.Synthetic.Tests;

internal static class GeneratorTestSupport
{
    /// <summary>Every catalog field, in AWS's order: the widest format there is.</summary>
    public static FlowLogFormat AllFields { get; } =
        FlowLogFormat.AllVpcFields;

    public static TimeWindow Hours(int fromHour, int toHour) => new(
        new DateTime(2026, 11, 2, fromHour, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 11, 2, toHour, 0, 0, DateTimeKind.Utc));

    /// <summary>The lines of a gzip text file, header included.</summary>
    public static List<string> ReadGzipLines(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>All records of a plan, generated in memory (no files).</summary>
    public static List<FlowRecord> AllRecords(GeneratorOptions options) => [.. new GeneratedLogs(options).Records()];
}
