namespace FlowLogAthena.Core.Queries;

/// <summary>One column a query promises in its result, in order (the CSV header).</summary>
public sealed record QueryOutputColumn(string Name, string Description);
