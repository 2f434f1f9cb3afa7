using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>
/// Refuses a query the log format cannot serve: a query of the other kind of flow log (VPC or Transit Gateway), or one
/// whose <c>requires_fields</c> the format lacks, saying how to get them; and, where the engine's tables are known, one
/// that requires AWS's address ranges the engine lacks. The one place that decides whether a query runs on a format,
/// for the renderer, pack runs and job plans alike.
/// </summary>
public static class FormatFitCheck
{
    public static IReadOnlyList<string> Missing(QueryDefinition query, FlowLogFormat format) =>
        query.RequiresFields.Where(f => !format.Contains(f)).ToList();

    /// <summary>Why the query cannot run on the format (and the engine's tables, when given), or null when it can.</summary>
    public static string? Problem(QueryDefinition query, FlowLogFormat format, ReferenceTables? references = null)
    {
        if (query.Kind != format.Kind)
            return $"Query '{query.Id}' reads {query.Kind.ToDisplayName()} flow logs, and the log format is a {format.Kind.ToDisplayName()} flow log's.";
        var missing = Missing(query, format);
        if (missing.Count > 0) return Message(query.Id, missing);
        if (references is not null && query.RequiresIpRanges && references.AwsIpRanges is null)
            return $"Query '{query.Id}' needs AWS's address ranges: run 'flowlog-athena ranges update' (or give --ip-ranges FILE); "
                + "on Athena, 'flowlog-athena ranges publish' provisions them beside the flow log table.";
        if (references is not null && query.RequiresInventory && references.Interfaces is null)
            return $"Query '{query.Id}' needs the interface inventory: run 'flowlog-athena inventory sync' (or give --inventory DIR); "
                + "on Athena, inventory sync --out s3://… --database the flow log table's database.";
        return null;
    }

    public static void Ensure(QueryDefinition query, FlowLogFormat format, ReferenceTables? references = null)
    {
        if (Problem(query, format, references) is { } problem) throw new FormatMismatchException(problem);
    }

    public static string Message(string queryId, IReadOnlyList<string> missing)
    {
        var described = missing.Select(f => $"'{f}' (v{FieldCatalog.Get(f).Version})").ToList();
        var fields = described.Count == 1
            ? $"field {described[0]}"
            : $"fields {string.Join(", ", described.Take(described.Count - 1))} and {described[^1]}";
        var tokens = string.Join(' ', missing.Select(f => "${" + f + "}"));
        return $"Query '{queryId}' needs {fields}, which the log format lacks. "
            + $"Flow logs cannot be edited: create a new flow log whose --log-format includes {tokens} and point --format at it.";
    }
}
