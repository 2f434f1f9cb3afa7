using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Loading;
using FlowLogAthena.Core.Queries.Parameters;
using Scriban;

namespace FlowLogAthena.Core.Queries;

/// <summary>
/// One query of a pack, loaded from <c>queries/&lt;pack&gt;/&lt;id&gt;.sql</c>: its front matter and its parsed
/// Scriban body. Create with <see cref="Loading.QueryFileParser"/> or <see cref="QueryCatalog"/>.
/// </summary>
public sealed class QueryDefinition
{
    internal QueryDefinition(string sourcePath, int bodyStartLine, string body, Template template)
    {
        SourcePath = sourcePath;
        BodyStartLine = bodyStartLine;
        Body = body;
        Template = template;
    }

    /// <summary>The query id, equal to the file name without <c>.sql</c>, e.g. <c>top-talkers</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The pack folder the file sits in, e.g. <c>traffic</c>.</summary>
    public required string Pack { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>
    /// The rule this query checks when it is a compliance control (front matter <c>control:</c>), else null. Its
    /// rows are the evidence against the rule: the control passes when there are none.
    /// </summary>
    public string? Control { get; init; }

    /// <summary>The kind of flow log the query reads (front matter <c>kind:</c>, VPC when absent); on the other kind it is skipped.</summary>
    public FlowLogKind Kind { get; init; } = FlowLogKind.Vpc;

    public IReadOnlyList<QueryParameterDefinition> Parameters { get; init; } = [];

    /// <summary>AWS names of the fields the query reads, e.g. <c>log-status</c>; checked against the log format.</summary>
    public IReadOnlyList<string> RequiresFields { get; init; } = [];

    /// <summary>The front matter's name for AWS's address ranges in <c>requires:</c>.</summary>
    public const string IpRangesRequirement = "ip-ranges";

    /// <summary>Whether the query needs AWS's address ranges (<c>requires: [ip-ranges]</c>); without them it is skipped, saying how to get them.</summary>
    public bool RequiresIpRanges { get; init; }

    /// <summary>The front matter's name for the interface inventory in <c>requires:</c>.</summary>
    public const string InventoryRequirement = "inventory";

    /// <summary>Whether the query needs the interface inventory (<c>requires: [inventory]</c>); without it it is skipped, saying how to get it.</summary>
    public bool RequiresInventory { get; init; }

    /// <summary>Fields the template uses when the format has them (guarded by <c>has_field</c>), and does without otherwise.</summary>
    public IReadOnlyList<string> OptionalFields { get; init; } = [];

    public IReadOnlyList<QueryOutputColumn> Output { get; init; } = [];

    public QueryChartHint? Chart { get; init; }

    /// <summary>The file the query was read from, as given to the loader.</summary>
    public string SourcePath { get; }

    /// <summary>1-based line of the file where the template body starts (after the closing <c>---</c>).</summary>
    public int BodyStartLine { get; }

    /// <summary>The Scriban template text, as the file has it.</summary>
    public string Body { get; }

    /// <summary>The template with each partial it includes written out: the whole of what the query runs.</summary>
    public string ExpandedBody => Partials.Expand(Body);

    internal Template Template { get; }

    /// <summary>The partials of the catalog the query came from, which its template may include.</summary>
    internal QueryPartials Partials { get; init; } = QueryPartials.None;

    /// <summary>1-based file line of the <c>id:</c> key, for messages about the query as a whole.</summary>
    public int IdLine { get; init; } = 1;

    /// <summary><c>pack/id</c>, e.g. <c>traffic/top-talkers</c>.</summary>
    public string QualifiedId => $"{Pack}/{Id}";

    /// <summary>
    /// The columns the query can read over a format: its required fields and the optional ones the format has (the
    /// renderer refuses a template touching any other field), by column name. What a columnar engine reads of a row.
    /// </summary>
    public IReadOnlyList<string> ColumnsRead(Formats.FlowLogFormat format) =>
        RequiresFields.Concat(OptionalFields.Where(format.Contains)).Distinct(StringComparer.Ordinal)
            .Select(name => Formats.FieldCatalog.Get(name).ColumnName).ToList();

    public QueryParameterDefinition? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary><c>file:line</c> of a 0-based line of the body, for error messages.</summary>
    public string Location(int bodyLine, int bodyColumn = -1) =>
        bodyColumn < 0 ? $"{SourcePath}:{BodyStartLine + bodyLine}" : $"{SourcePath}:{BodyStartLine + bodyLine}:{bodyColumn + 1}";

    public override string ToString() => QualifiedId;
}
