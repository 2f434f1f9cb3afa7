namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// <see cref="SqlGrammarCheck"/> for rendered Athena queries: every statement is parsed with the Trino grammar.
/// </summary>
internal static class TrinoGrammarCheck
{
    public sealed record Statement(string Name, string Sql, bool ParametersOnlyInWhere = false);

    /// <inheritdoc cref="SqlGrammarCheck.RunAsync"/>
    public static Task<SqlGrammarCheck.Result> RunAsync(IReadOnlyList<Statement> statements, string? script = null, string? searchPath = null) =>
        SqlGrammarCheck.RunAsync(statements.Select(s => new SqlGrammarCheck.Statement(s.Name, s.Sql, SqlGrammar.Trino, s.ParametersOnlyInWhere)).ToList(), script, searchPath);
}
