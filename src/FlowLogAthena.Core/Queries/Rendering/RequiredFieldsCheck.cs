using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>Refuses a query whose <c>requires_fields</c> the log format lacks, saying how to get them.</summary>
internal static class RequiredFieldsCheck
{
    public static IReadOnlyList<string> Missing(QueryDefinition query, FlowLogFormat format) =>
        query.RequiresFields.Where(f => !format.Contains(f)).ToList();

    public static void Ensure(QueryDefinition query, FlowLogFormat format)
    {
        var missing = Missing(query, format);
        if (missing.Count > 0) throw new MissingFieldsException(Message(query.Id, missing));
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
