namespace FlowLogAthena.Cli.Tests.Infra;

/// <summary>
/// A systemd unit file read as systemd reads it: [Section] headers, Key=Value lines (a key may repeat, as
/// Environment does), '#' and ';' comments, and a trailing backslash continuing a line.
/// </summary>
public sealed class SystemdUnit
{
    private readonly Dictionary<string, List<(string Key, string Value)>> _sections = new(StringComparer.Ordinal);

    public static string Folder { get; } = RepositoryRoot.Infra;

    public IReadOnlyList<string> Problems { get; }

    private SystemdUnit(IReadOnlyList<string> problems) => Problems = problems;

    public IReadOnlyCollection<string> Sections => _sections.Keys;

    public static SystemdUnit Load(string file) => Parse(File.ReadAllText(Path.Combine(Folder, file)));

    public static SystemdUnit Parse(string text)
    {
        var problems = new List<string>();
        var unit = new SystemdUnit(problems);
        List<(string, string)>? section = null;
        var lines = text.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                section = [];
                if (!unit._sections.TryAdd(line[1..^1], section)) problems.Add($"line {i + 1}: section {line} repeated");
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) problems.Add($"line {i + 1}: not Key=Value: {line}");
            else if (section is null) problems.Add($"line {i + 1}: {line} is outside any section");
            else section.Add((line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }
        return unit;
    }

    /// <summary>Every value a key has in a section, in file order.</summary>
    public IReadOnlyList<string> All(string section, string key) =>
        _sections.TryGetValue(section, out var entries) ? [.. entries.Where(e => e.Key == key).Select(e => e.Value)] : [];

    /// <summary>The value of a key given once; fails when it is missing or repeated.</summary>
    public string One(string section, string key)
    {
        var values = All(section, key);
        Assert.True(values.Count == 1, $"[{section}] {key} is given {values.Count} times");
        return values[0];
    }
}
