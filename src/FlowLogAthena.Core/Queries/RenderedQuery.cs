using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Queries;

/// <summary>A query rendered for one dialect: SQL whose every value is a validated literal or a bound parameter.</summary>
/// <param name="QueryId">The pack query id, e.g. <c>top-talkers</c>.</param>
/// <param name="Parameters">The validated parameter values in canonical text form, for manifests and logs.</param>
/// <param name="ExecutionParameters">Literals bound to the SQL's <c>?</c> placeholders, in order (Athena).</param>
public sealed record RenderedQuery(
    string QueryId,
    SqlDialect Dialect,
    string Sql,
    TimeWindow Window,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string>? ExecutionParameters = null)
{
    /// <summary>The query file it was rendered from, for errors the engine finds in the SQL (null for ad-hoc SQL).</summary>
    public string? SourcePath { get; init; }
}
