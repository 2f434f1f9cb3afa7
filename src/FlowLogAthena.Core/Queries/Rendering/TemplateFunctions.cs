using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Queries.Loading;
using FlowLogAthena.Core.Queries.Parameters;
using Scriban;
using Scriban.Runtime;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>
/// The only names a query template can use. Each returns SQL built by the dialect from quoted identifiers or
/// validated values; no raw parameter text is reachable from a template.
/// </summary>
internal sealed class TemplateFunctions(QueryDefinition query, SqlDialectHelpers sql, BoundParameters parameters, RenderRequest request)
{
    /// <summary>The names, for the hint in an unknown-name error.</summary>
    public static readonly string[] Names =
        ["table", "time_window", "logged_data", "ident", "col", "fields", "param", "has_param", "has_field", "cidr_match", "traffic_path_label",
            "protocol_label", "mapping_table", "window_hours", "partial", "has_ip_ranges", "aws_ranges_lookup", "has_inventory", "interfaces", "inventory_tag"];

    private delegate string PartialFunction(TemplateContext context, string name, ScriptObject? arguments = null);

    private delegate string FieldsFunction(params string[] fieldNames);

    public ScriptObject ToScriptObject()
    {
        var functions = new ScriptObject();
        functions.SetValue("table", request.TableReference, readOnly: true);
        functions.Import("time_window", new Func<string>(TimeWindow));
        functions.Import("logged_data", new Func<string>(LoggedData));
        functions.Import("ident", new Func<string, string>(Ident));
        functions.Import("col", new Func<string, string>(Col));
        functions.Import("fields", new FieldsFunction(Fields));
        functions.Import("param", new Func<string, string>(Param));
        functions.Import("has_param", new Func<string, bool>(HasParam));
        functions.Import("has_field", new Func<string, bool>(HasField));
        functions.Import("cidr_match", new Func<string, string, string>(CidrMatch));
        functions.Import("traffic_path_label", new Func<string, string>(column => Label(column, "traffic-path")));
        functions.Import("protocol_label", new Func<string, string>(column => Label(column, "protocol")));
        functions.Import("mapping_table", new Func<string, string, string>(MappingTable));
        functions.Import("window_hours", new Func<string>(WindowHours));
        functions.Import("partial", new PartialFunction(Partial));
        functions.Import("has_ip_ranges", new Func<bool>(() => request.References.AwsIpRanges is not null));
        functions.Import("aws_ranges_lookup", new Func<string, string, string>(AwsRangesLookup));
        functions.Import("has_inventory", new Func<bool>(() => request.References.Interfaces is not null));
        functions.Import("interfaces", new Func<string>(Interfaces));
        functions.Import("inventory_tag", new Func<string, string, string>(InventoryTag));
        return functions;
    }

    /// <summary>
    /// <c>time_window</c>: the dialect's window predicate (partition pruning and <c>start</c> bounds), and the chosen flow
    /// log's files where the dialect's table holds other flow logs' too: every read of the table goes through it.
    /// </summary>
    private string TimeWindow()
    {
        RequireDeclared("start", "time_window");
        var window = sql.TimeWindowPredicate(request.Window, request.Partitioning, request.Prefix);
        return request.FlowLogId is { } id && sql.FlowLogFilePredicate(id) is { } files ? $"({window} AND {files})" : window;
    }

    /// <summary>
    /// <c>logged_data</c>: the records that logged data, <c>log-status = 'OK'</c> when the format has log-status, else
    /// those with a byte count (NODATA and SKIPDATA records write '-' in every data field). log-status must be declared
    /// (optional_fields, or requires_fields), and bytes in requires_fields when log-status is optional.
    /// </summary>
    private string LoggedData()
    {
        const string logStatus = "log-status";
        var required = query.RequiresFields.Contains(logStatus, StringComparer.Ordinal);
        if (!required && !query.OptionalFields.Contains(logStatus, StringComparer.Ordinal))
            throw new TemplateHelperException(
                "logged_data reads field 'log-status', which neither requires_fields nor optional_fields lists; add it to optional_fields "
                + "(records with a byte count count when the format lacks it) or to requires_fields.");
        if (!required && !query.RequiresFields.Contains("bytes", StringComparer.Ordinal))
            throw new TemplateHelperException(
                "logged_data keeps the records with a byte count when the format lacks the optional log-status, so requires_fields must list 'bytes'.");
        return sql.LoggedDataPredicate(request.Format.Contains(logStatus));
    }

    /// <summary><c>partial 'name' { key: value }</c>: a partial of the catalog, rendered here with the keys as variables.</summary>
    private string Partial(TemplateContext context, string name, ScriptObject? arguments = null)
    {
        QueryPartial partial;
        try
        {
            partial = query.Partials.Get(name);
        }
        catch (ArgumentException e)
        {
            throw new TemplateHelperException(e.Message);
        }
        return PartialRendering.Render(context, partial, arguments);
    }

    /// <summary><c>ident 'name'</c>: a quoted identifier (an alias, a CTE column).</summary>
    private string Ident(string name)
    {
        try
        {
            return sql.QuoteIdentifier(name);
        }
        catch (ArgumentException e)
        {
            throw new TemplateHelperException(e.Message);
        }
    }

    /// <summary><c>col 'log-status'</c>: the quoted column of a field the query declares in requires_fields.</summary>
    private string Col(string fieldName)
    {
        if (!FieldCatalog.TryGet(fieldName, out var field))
        {
            var awsName = fieldName.Replace('_', '-');
            throw new TemplateHelperException(FieldCatalog.TryGet(awsName, out _)
                ? $"col takes the AWS field name: write col '{awsName}', not '{fieldName}'."
                : FlowLogFormat.UnknownFieldMessage(fieldName));
        }
        RequireDeclared(field.Name, $"col '{field.Name}'");
        return sql.Column(field);
    }

    /// <summary>
    /// <c>fields 'srcaddr' 'dstaddr' …</c>: each field's column under its own name (<c>"srcaddr" AS "srcaddr"</c>),
    /// comma-separated, one a line at the indentation of the line that calls it: a select list without a line of
    /// template per column. Each field is checked as <c>col</c> checks it.
    /// </summary>
    private string Fields(params string[] fieldNames)
    {
        if (fieldNames.Length == 0) throw new TemplateHelperException("fields takes one or more field names, e.g. fields 'srcaddr' 'dstaddr'.");
        var columns = fieldNames.Select(name =>
        {
            var column = Col(name);
            return $"{column} AS {column}";
        });
        // Scriban indents each further line of a helper's text as far as the line that called it.
        return string.Join(",\n", columns);
    }

    /// <summary>Values bound as execution parameters, in placeholder order (Athena); empty for literal dialects.</summary>
    public List<string> ExecutionParameters { get; } = [];

    /// <summary><c>param 'limit'</c>: the validated value, bound or as a literal, as the dialect does it.</summary>
    private string Param(string name)
    {
        if (Declared(name).Type == QueryParameterType.Mapping)
            throw new TemplateHelperException($"Parameter '{name}' is a mapping (a table of rows): use mapping_table '{name}' 'alias' in a FROM clause, not param.");
        return parameters.TryGet(name, out var value)
            ? sql.Bind(value, ExecutionParameters)
            : throw new TemplateHelperException(
                $"Parameter '{name}' has no value in this run (it is optional without a default); guard it with {{{{ if has_param '{name}' }}}}.");
    }

    /// <summary><c>has_param 'name'</c>: whether an optional parameter got a value.</summary>
    private bool HasParam(string name)
    {
        Declared(name);
        return parameters.TryGet(name, out _);
    }

    /// <summary><c>cidr_match (col 'srcaddr') 'network'</c>: the address column lies in the cidr/ip (or list) parameter.</summary>
    private string CidrMatch(string columnSql, string parameterName)
    {
        var declared = Declared(parameterName);
        var scalarType = declared.ItemType ?? declared.Type;
        if (scalarType is not (QueryParameterType.Cidr or QueryParameterType.Ip))
            throw new TemplateHelperException(
                $"cidr_match needs a cidr or ip parameter (or a list of them), but '{parameterName}' is {declared.Type.ToName()}.");
        if (!parameters.TryGet(parameterName, out var value))
            throw new TemplateHelperException(
                $"Parameter '{parameterName}' has no value in this run; guard the match with {{{{ if has_param '{parameterName}' }}}}.");
        var items = value is ListValue list ? list.Items : [value];
        var networks = items.Select(v => v switch
        {
            CidrValue c => c.Network,
            IpAddressValue ip => IpNetwork.Single(ip.Address),
            _ => throw new TemplateHelperException($"Parameter '{parameterName}' holds no network."),
        }).ToList();
        return sql.CidrMatch(columnSql, networks);
    }

    /// <summary><c>traffic_path_label expr</c> / <c>protocol_label expr</c>: the catalog's labels as a CASE.</summary>
    private string Label(string columnSql, string fieldName)
    {
        RequireDeclared(fieldName, fieldName.Replace('-', '_') + "_label");
        return sql.CodeLabel(columnSql, FieldCatalog.Get(fieldName), "none");
    }

    /// <summary>
    /// <c>mapping_table 'cost_center_map' 'm'</c>: the mapping parameter's rows as an inline table named <c>m</c>, its
    /// columns named as the parameter declares them; for a FROM or JOIN.
    /// </summary>
    private string MappingTable(string parameterName, string alias)
    {
        var declared = Declared(parameterName);
        if (declared.Type != QueryParameterType.Mapping)
            throw new TemplateHelperException($"mapping_table needs a mapping parameter, but '{parameterName}' is {declared.Type.ToName()}.");
        if (!parameters.TryGet(parameterName, out var value) || value is not MappingValue mapping)
            throw new TemplateHelperException(
                $"Parameter '{parameterName}' has no value in this run; guard the table with {{{{ if has_param '{parameterName}' }}}}.");
        try
        {
            return sql.MappingTable(mapping, alias);
        }
        catch (ArgumentException e)
        {
            throw new TemplateHelperException(e.Message);
        }
    }

    /// <summary>
    /// <c>aws_ranges_lookup 'destinations' 'address'</c>: a SELECT of each distinct address in that CTE column with what
    /// AWS's ranges say of it (<c>aws_service</c>, <c>aws_services</c>, <c>aws_service_region</c>, <c>aws_border_group</c>,
    /// <c>aws_prefix</c>; NULL when no AWS range holds it), for a CTE to join back on <c>address</c>.
    /// </summary>
    private string AwsRangesLookup(string cte, string column)
    {
        var table = request.References.AwsIpRanges
            ?? throw new TemplateHelperException("aws_ranges_lookup needs AWS's address ranges, which this run has none of; guard it with {{ if has_ip_ranges }}.");
        try
        {
            return sql.AwsRangesLookup(table, cte, column);
        }
        catch (ArgumentException e)
        {
            throw new TemplateHelperException(e.Message);
        }
    }

    /// <summary>
    /// <c>interfaces</c>: the interface inventory's latest snapshot as a relation (interface_id, interface_type,
    /// description, requester_id, vpc_id, subnet_id, instance_id, instance_name, security_group_ids,
    /// security_group_names, tags, …), for a LEFT JOIN on the interface id.
    /// </summary>
    private string Interfaces() => request.References.Interfaces is { } table
        ? sql.LatestInterfaces(table)
        : throw new TemplateHelperException("interfaces needs the interface inventory, which this run has none of; guard it with {{ if has_inventory }}.");

    /// <summary>
    /// <c>inventory_tag 'i' 'cost_center_tag'</c>: the value of the tag the string parameter names, from the inventory row
    /// aliased <c>i</c>; NULL when the interface has no such tag.
    /// </summary>
    private string InventoryTag(string alias, string parameterName)
    {
        if (request.References.Interfaces is null)
            throw new TemplateHelperException("inventory_tag needs the interface inventory, which this run has none of; guard it with {{ if has_inventory }}.");
        var declared = Declared(parameterName);
        if (declared.Type != QueryParameterType.String)
            throw new TemplateHelperException($"inventory_tag needs a string parameter naming the tag key, but '{parameterName}' is {declared.Type.ToName()}.");
        if (!parameters.TryGet(parameterName, out var value) || value is not TextValue key)
            throw new TemplateHelperException($"Parameter '{parameterName}' has no value in this run; give it a default.");
        return sql.MapValue($"{Ident(alias)}.{Ident("tags")}", key.Value);
    }

    /// <summary>
    /// <c>window_hours</c>: how many UTC clock hours the window overlaps (a window from 05:30 to 07:00 overlaps
    /// two), as an integer literal: the N of per-hour statistics that count hours without traffic.
    /// </summary>
    private string WindowHours()
    {
        var firstHour = request.Window.FromUnixSeconds / 3600;
        var lastHour = (request.Window.ToUnixSecondsExclusive - 1) / 3600;
        return sql.IntegerLiteral(lastHour - firstHour + 1);
    }

    private QueryParameterDefinition Declared(string name) => query.FindParameter(name)
        ?? throw new TemplateHelperException(query.Parameters.Count == 0
            ? $"The template uses parameter '{name}', but the query declares no parameters."
            : $"The template uses parameter '{name}', which the front matter does not declare (declared: {string.Join(", ", query.Parameters.Select(p => p.Name))}).");

    /// <summary><c>has_field 'log-status'</c>: whether the format has an optional field the query declares.</summary>
    private bool HasField(string fieldName)
    {
        if (!query.OptionalFields.Contains(fieldName, StringComparer.Ordinal) && !query.RequiresFields.Contains(fieldName, StringComparer.Ordinal))
            throw new TemplateHelperException($"has_field '{fieldName}' names a field that neither requires_fields nor optional_fields lists; add it to optional_fields.");
        return request.Format.Contains(fieldName);
    }

    /// <summary>
    /// Fields a template reads must be in requires_fields (so a format that lacks one is refused before SQL runs),
    /// or in optional_fields and present in this format (the template guards them with has_field).
    /// </summary>
    private void RequireDeclared(string fieldName, string use)
    {
        if (query.OptionalFields.Contains(fieldName, StringComparer.Ordinal))
        {
            if (!request.Format.Contains(fieldName))
                throw new TemplateHelperException($"{use} reads optional field '{fieldName}', which this format lacks; guard it with {{{{ if has_field '{fieldName}' }}}}.");
            return;
        }
        if (!query.RequiresFields.Contains(fieldName, StringComparer.Ordinal))
            throw new TemplateHelperException($"{use} reads field '{fieldName}', which requires_fields does not list; add it there.");
    }
}
