using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Running;

/// <summary>
/// Checks a pack run's parameters before any query runs: each name must be declared by at least one of the
/// queries (a typo would otherwise be silently ignored), and each value must be valid for every query that
/// declares it (otherwise every one of them would fail the same way, one by one).
/// </summary>
public static class PackParameters
{
    /// <param name="scope">What the queries are, in messages: "pack" for <c>run --pack</c>, "job" for a job file.</param>
    public static void Validate(IReadOnlyCollection<QueryDefinition> queries, IReadOnlyDictionary<string, string> parameters, string scope = "pack")
    {
        var declared = queries.SelectMany(q => q.Parameters).Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var owners = queries.Where(q => q.FindParameter(name) is not null).ToList();
            if (owners.Count == 0) throw new QueryParameterException(name, UnknownMessage(name, declared, scope));
            foreach (var query in owners)
            {
                try
                {
                    ParameterParser.Parse(query.FindParameter(name)!, value);
                }
                catch (QueryParameterException e)
                {
                    throw new QueryParameterException(name, $"{e.Message} (declared by query '{query.Id}')");
                }
            }
        }
    }

    private static string UnknownMessage(string name, List<string> declared, string scope)
    {
        if (declared.Count == 0) return $"No query of the {scope} takes parameters, but '{ParameterParser.Show(name)}' was given.";
        var message = $"No query of the {scope} has a parameter '{ParameterParser.Show(name)}'.";
        var nearest = declared.Select(d => (Name: d, Distance: EditDistance.Between(name.ToLowerInvariant(), d)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).First();
        if (nearest.Distance <= Math.Max(2, name.Length / 3)) message += $" Did you mean '{nearest.Name}'?";
        return message + $" The {scope}'s parameters: " + string.Join(", ", declared) + ".";
    }
}
