namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>Result rows as Athena's text (null for SQL NULL), from the result object or from result pages.</summary>
internal interface IResultRowSource : IAsyncDisposable
{
    IAsyncEnumerable<string?[]> ReadAsync(CancellationToken cancellationToken);
}
