using System.CommandLine;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries;

namespace FlowLogAthena.Cli.Commands;

/// <summary>Options naming the query packs folder and a query's parameters.</summary>
public sealed class QueryOptions
{
    /// <summary>Environment variable that points at a packs folder of your own.</summary>

    public Option<string?> Queries { get; } = new("--queries")
    {
        Description = $"Folder of query packs (<pack>/<query>.sql). Default: ${QueryCatalog.RootVariable}, else the packs shipped with the tool.",
    };

    public Option<string[]> Params { get; } = new("--param")
    {
        Description = "A query parameter as name=value; repeat for several (e.g. --param limit=20).",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public static Argument<string> QueryId() => new("query") { Description = "Query id (e.g. top-talkers) or pack/id." };

    public QueryCatalog LoadCatalog(ParseResult parse) => QueryCatalog.Load(QueryCatalog.RootFor(parse.GetValue(Queries)));

    public IReadOnlyDictionary<string, string> GetParameters(ParseResult parse) => ParseParameters(parse.GetValue(Params) ?? []);

    public static IReadOnlyDictionary<string, string> ParseParameters(IEnumerable<string> pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new QueryParameterException(pair, $"--param '{pair}' is not name=value (e.g. --param limit=10).");
            var name = pair[..equals].Trim();
            if (!parameters.TryAdd(name, pair[(equals + 1)..]))
                throw new QueryParameterException(name, $"Parameter '{name}' is given more than once.");
        }
        return parameters;
    }
}
