using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>
/// Matches raw <c>name=value</c> pairs to a query's declared parameters: refuses unknown names (suggesting the
/// nearest), validates each value, applies defaults and insists on required ones.
/// </summary>
internal static class ParameterBinder
{
    public static BoundParameters Bind(QueryDefinition query, IReadOnlyDictionary<string, string> raw)
    {
        foreach (var name in raw.Keys)
            if (query.FindParameter(name) is null)
                throw new QueryParameterException(name, UnknownParameterMessage(query, name));

        var values = new List<KeyValuePair<string, ParameterValue>>();
        foreach (var parameter in query.Parameters)
        {
            if (raw.TryGetValue(parameter.Name, out var text))
                values.Add(new(parameter.Name, ParameterParser.Parse(parameter, text)));
            else if (parameter.Default is not null)
                values.Add(new(parameter.Name, parameter.Default));
            else if (parameter.Required)
                throw new QueryParameterException(parameter.Name,
                    $"Query '{query.Id}' needs parameter '{parameter.Name}' ({parameter.Expected}): pass --param {parameter.Name}=VALUE.");
        }
        return new BoundParameters(values);
    }

    private static string UnknownParameterMessage(QueryDefinition query, string name)
    {
        if (query.Parameters.Count == 0)
            return $"Query '{query.Id}' takes no parameters, but '{ParameterParser.Show(name)}' was given.";
        var message = $"Query '{query.Id}' has no parameter '{ParameterParser.Show(name)}'.";
        var nearest = query.Parameters
            .Select(p => (p.Name, Distance: EditDistance.Between(name.ToLowerInvariant(), p.Name)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).First();
        if (nearest.Distance <= Math.Max(2, name.Length / 3)) message += $" Did you mean '{nearest.Name}'?";
        return message + " Its parameters: " + string.Join(", ", query.Parameters.Select(p => p.Name)) + ".";
    }
}
