using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Loading;

namespace FlowLogAthena.Core.Queries;

/// <summary>
/// The query packs of a folder laid out as <c>&lt;root&gt;/&lt;pack&gt;/&lt;id&gt;.sql</c>. Ids are unique across
/// packs, so a query is found by <c>id</c> or by <c>pack/id</c>.
/// </summary>
public sealed partial class QueryCatalog
{
    private readonly Dictionary<string, QueryDefinition> _byId;

    private QueryCatalog(string root, IReadOnlyList<QueryDefinition> queries)
    {
        Root = root;
        All = queries;
        _byId = queries.ToDictionary(q => q.Id, StringComparer.Ordinal);
        Packs = queries.Select(q => q.Pack).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The folder the packs were loaded from.</summary>
    public string Root { get; }

    /// <summary>Every query, ordered by pack then id.</summary>
    public IReadOnlyList<QueryDefinition> All { get; }

    /// <summary>Pack names in order.</summary>
    public IReadOnlyList<string> Packs { get; }

    /// <summary>The environment variable naming a folder of query packs to use instead of the shipped ones.</summary>
    public const string RootVariable = "FLOWLOG_ATHENA_QUERIES";

    /// <summary>Where the catalog is: the folder given (<c>--queries</c>, a job's setting), else <c>$FLOWLOG_ATHENA_QUERIES</c>, else the packs shipped beside the tool.</summary>
    public static string RootFor(string? explicitRoot) =>
        explicitRoot
        ?? Environment.GetEnvironmentVariable(RootVariable)
        ?? Path.Combine(AppContext.BaseDirectory, "queries");

    /// <summary>
    /// Loads every <c>&lt;pack&gt;/*.sql</c> below <paramref name="root"/>, with the <c>partials/</c> their templates may
    /// include (<see cref="QueryPartials"/>; that folder is not a pack); any bad file fails the whole load.
    /// </summary>
    public static QueryCatalog Load(string root)
    {
        if (!Directory.Exists(root))
            throw new QueryDefinitionException($"The query folder '{root}' does not exist.");
        foreach (var stray in Directory.EnumerateFiles(root, "*.sql"))
            throw new QueryDefinitionException($"{stray}: query files belong in a pack folder: {root}/<pack>/<query>.sql.");

        var partials = QueryPartials.Load(root);
        var queries = new List<QueryDefinition>();
        foreach (var packDir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(packDir) == QueryPartials.FolderName) continue;
            // By id (the name without .sql): ordering whole names would put top-sources-x.sql before top-sources.sql.
            var files = Directory.EnumerateFiles(packDir, "*.sql").OrderBy(Path.GetFileNameWithoutExtension, StringComparer.Ordinal).ToList();
            if (files.Count == 0) continue;
            var pack = Path.GetFileName(packDir);
            if (!PackPattern().IsMatch(pack))
                throw new QueryDefinitionException($"{packDir}: a pack folder name must be lower case words joined by '-', e.g. traffic.");
            foreach (var file in files)
            {
                var query = QueryFileParser.Load(file, partials);
                var twin = queries.FirstOrDefault(q => q.Id == query.Id);
                if (twin is not null)
                    throw new QueryDefinitionException(
                        $"{file}:{query.IdLine}: query id '{query.Id}' is already used by {twin.SourcePath}; ids must be unique across packs.");
                queries.Add(query);
            }
            CheckControlPack(queries.Where(q => q.Pack == pack).ToList());
        }
        return new QueryCatalog(root, queries);
    }

    /// <summary>
    /// A pack is a compliance pack (a control summary instead of the query summary) when its queries declare
    /// <c>control:</c>; a pack that mixes controls and plain queries would have no single summary, so it is refused.
    /// </summary>
    private static void CheckControlPack(List<QueryDefinition> pack)
    {
        var controls = pack.Where(q => q.Control is not null).ToList();
        if (controls.Count == 0 || controls.Count == pack.Count) return;
        var plain = pack.First(q => q.Control is null);
        throw new QueryDefinitionException(
            $"{plain.SourcePath}:{plain.IdLine}: pack '{plain.Pack}' mixes controls ({controls[0].Id} declares 'control:') and plain queries ({plain.Id} does not); "
            + "give every query of a compliance pack a 'control:' statement, or move the plain query to another pack.");
    }

    /// <summary>True when every query of the pack is a compliance control.</summary>
    public static bool IsControlPack(IEnumerable<QueryDefinition> packQueries) =>
        packQueries.Any() && packQueries.All(q => q.Control is not null);

    public bool TryGet(string idOrQualifiedId, out QueryDefinition query)
    {
        var slash = idOrQualifiedId.IndexOf('/', StringComparison.Ordinal);
        var id = slash < 0 ? idOrQualifiedId : idOrQualifiedId[(slash + 1)..];
        if (_byId.TryGetValue(id, out query!) && (slash < 0 || query.Pack == idOrQualifiedId[..slash])) return true;
        query = null!;
        return false;
    }

    /// <summary>The query with this id (or <c>pack/id</c>); an unknown one is an error suggesting the nearest.</summary>
    public QueryDefinition Get(string idOrQualifiedId)
    {
        if (TryGet(idOrQualifiedId, out var query)) return query;
        var message = $"No query '{idOrQualifiedId}' in {Root}.";
        // A query whose id starts with the text counts as near too ('rejected' → 'rejected-traffic').
        var nearest = All.Select(q => (q.Id, Distance: q.Id.StartsWith(idOrQualifiedId, StringComparison.Ordinal) ? 0 : EditDistance.Between(idOrQualifiedId, q.Id)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal).FirstOrDefault();
        if (nearest.Id is not null && nearest.Distance <= Math.Max(2, idOrQualifiedId.Length / 3)) message += $" Did you mean '{nearest.Id}'?";
        throw new QueryDefinitionException(message + " Run `flowlog-athena queries list` to see them all.");
    }

    /// <summary>The queries of one pack; an unknown pack is an error listing the packs.</summary>
    public IReadOnlyList<QueryDefinition> InPack(string pack) => Packs.Contains(pack, StringComparer.Ordinal)
        ? All.Where(q => q.Pack == pack).ToList()
        : throw new QueryDefinitionException($"No query pack '{pack}' in {Root}. Packs: {string.Join(", ", Packs)}.");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PackPattern();
}
