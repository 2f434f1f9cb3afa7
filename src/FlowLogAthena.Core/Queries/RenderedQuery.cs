using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Queries;

/// <summary>A query rendered for one dialect: SQL whose every value is a validated literal.</summary>
/// <param name="QueryId">The pack query id, e.g. <c>top-talkers</c>.</param>
/// <param name="Parameters">The validated parameter values in canonical text form, for manifests and logs.</param>
public sealed record RenderedQuery(
    string QueryId,
    SqlDialect Dialect,
    string Sql,
    TimeWindow Window,
    IReadOnlyDictionary<string, string> Parameters);
