using FlowLogAthena.Core.Queries.Loading;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>Builds query files in memory for tests of the loader and renderer.</summary>
internal static class QueryText
{
    /// <summary>A minimal valid front matter for <paramref name="id"/> (lines 2–7 of the file).</summary>
    public static string MinimalFrontMatter(string id = "sample", string extra = "") =>
        $"""
        id: {id}
        title: Sample
        description: A query for tests.
        requires_fields: [srcaddr, start, log-status, end]
        output:
          - name: srcaddr
        {extra}
        """;

    public static string File(string frontMatter, string body) => $"---\n{frontMatter.TrimEnd()}\n---\n{body}";

    /// <summary>Where a test query file would live; the pack is the parent folder.</summary>
    public static string PathOf(string id = "sample", string pack = "test") =>
        Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", pack, id + ".sql");

    public static QueryDefinition Parse(string text, string id = "sample", string pack = "test") =>
        QueryFileParser.Parse(PathOf(id, pack), text);

    /// <summary>A query with the minimal front matter (plus <paramref name="extra"/>) and the given body.</summary>
    public static QueryDefinition WithBody(string body, string extra = "") => Parse(File(MinimalFrontMatter(extra: extra), body));
}
