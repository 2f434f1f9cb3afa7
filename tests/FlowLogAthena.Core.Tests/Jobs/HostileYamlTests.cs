using System.Text;
using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Tests.Queries;

namespace FlowLogAthena.Core.Tests.Jobs;

/// <summary>
/// Hostile YAML in job files and query front matter ends in a FILE:LINE error, never a stack overflow, a hang or
/// a memory blow-up: deep nesting of every kind, alias bombs, huge keys and values, files that are not files.
/// </summary>
public sealed class HostileYamlTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> HostileJobs()
    {
        var laughs = new StringBuilder("name: lol\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
            laughs.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        return new()
        {
            { "name: x\nqueries: " + new string('[', 10_000), "nested deeper than 32 levels" },
            { "name: x\nqueries: " + new string('{', 10_000), "nested deeper than 32 levels" },
            { "name: x\nparameters: " + string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000), "nested deeper than 32 levels" },
            { "name: x\nparameters:\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * (i + 1)) + "a:\n")) + new string(' ', 4002) + "1\n", "nested deeper than 32 levels" },
            { "name: x\nqueries:\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * i) + "- \n")), "nested deeper than 32 levels" },
            { laughs.ToString(), "aliases (*name) are expanded" },
            { "name: x\nqueries: *nowhere\n", "not valid YAML" },
            { "name: &a x\nqueries: [*a, *a]\nwindow: *a\n", ":1:" },
            { "? " + new string('k', 500_000) + "\n: v\n", ":1: a line of 500,002 characters" },
            { "name: " + new string('x', 500_000) + "\n", ":1: a line of 500,006 characters" },
            { "name: x\n\tqueries: [a]\n", "not valid YAML" },
            { "\uFEFF\u0000\u0001", ":1:" },
            { "- just\n- a\n- list\n", "A job file must be a mapping" },
            { "name: a\nname: b\n", "not valid YAML" },
            { "--- \nname: a\n--- \nname: b\n", ":" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileJobs))]
    public void Hostile_job_yaml_is_a_file_and_line_error(string yaml, string reason)
    {
        var error = Assert.Throws<JobDefinitionException>(() => JobFileParser.Parse("job.yaml", yaml));

        Assert.StartsWith("job.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"^job\.yaml:\d+", error.Message);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_front_matter_is_a_file_and_line_error_naming_the_query_file()
    {
        var text = QueryText.File(QueryText.MinimalFrontMatter(extra: "chart: " + new string('[', 10_000)), "SELECT 1");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(text));

        Assert.Matches(@"sample\.sql:\d+: the front matter is YAML nested deeper than 32 levels", error.Message);
    }

    [Fact]
    public void An_alias_bomb_in_front_matter_is_refused()
    {
        var bomb = new StringBuilder("x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (var i = 1; i < 10; i++) bomb.Append($"x{i}: &x{i} [{string.Join(", ", Enumerable.Repeat($"*x{i - 1}", 10))}]\n");

        var error = Assert.Throws<QueryDefinitionException>(() => QueryText.Parse(QueryText.File(bomb.ToString(), "SELECT 1")));

        Assert.Contains("aliases (*name) are expanded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_named_as_a_job_file_is_refused_at_once_instead_of_blocking()
    {
        var fifo = TempFolder.Fifo(_temp.Combine("job.yaml"));

        var error = Assert.Throws<JobDefinitionException>(() => JobFileParser.Load(fifo));

        Assert.Equal($"{fifo}: the job file is a FIFO (named pipe), not a regular file.", error.Message);
    }

    [Fact]
    public void A_job_file_larger_than_a_mebibyte_is_refused_without_reading_it_all()
    {
        var big = _temp.Touch("big.yaml", "name: x\n# " + new string('x', 2 << 20));

        var error = Assert.Throws<JobDefinitionException>(() => JobFileParser.Load(big));

        Assert.Contains("a file here may hold at most 1,048,576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_file_that_is_not_utf8_is_refused_naming_it()
    {
        var path = _temp.Combine("latin1.yaml");
        File.WriteAllBytes(path, [0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]);

        var error = Assert.Throws<JobDefinitionException>(() => JobFileParser.Load(path));

        Assert.Equal($"{path}: the job file is not UTF-8 text.", error.Message);
    }

    [Fact]
    public void A_job_file_that_is_a_link_loop_or_a_folder_is_refused_naming_it()
    {
        var loop = _temp.Combine("loop.yaml");
        File.CreateSymbolicLink(loop, loop);
        var folder = Directory.CreateDirectory(_temp.Combine("folder.yaml")).FullName;

        Assert.Contains("is a loop of symbolic links", Assert.Throws<JobDefinitionException>(() => JobFileParser.Load(loop)).Message, StringComparison.Ordinal);
        Assert.Contains("is a folder, not a regular file", Assert.Throws<JobDefinitionException>(() => JobFileParser.Load(folder)).Message, StringComparison.Ordinal);
    }
}
