using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Queries.Parameters;
using FlowLogAthena.Core.Queries.Rendering;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FlowLogAthena.Core.Queries;

/// <summary>
/// Renders a query for one run: checks the log format has the query's fields, validates the parameters, then
/// runs the Scriban body with only the dialect's helpers in scope (strict: an unknown name is an error).
/// </summary>
public static partial class QueryRenderer
{
    /// <exception cref="FormatMismatchException">The format is of the other kind of flow log, or lacks a field the query requires.</exception>
    /// <exception cref="QueryParameterException">A parameter is unknown, missing or invalid.</exception>
    /// <exception cref="QueryDefinitionException">The template is wrong; the message starts with file:line.</exception>
    public static RenderedQuery Render(QueryDefinition query, RenderRequest request)
    {
        FormatFitCheck.Ensure(query, request.Format, request.References);
        var parameters = ParameterBinder.Bind(query, request.Parameters);
        if (!TableReferencePattern().IsMatch(request.TableReference))
            throw new ArgumentException(
                $"Table reference '{request.TableReference}' is not a (quoted) identifier or dotted path of them.", nameof(request));

        var functions = new TemplateFunctions(query, SqlDialectHelpers.For(request.Dialect), parameters, request);
        // No Scriban built-ins: a template sees the helpers and nothing else.
        var context = new TemplateContext(new ScriptObject()) { StrictVariables = true };
        context.PushGlobal(functions.ToScriptObject());

        string text;
        try
        {
            text = query.Template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw Located(query, e);
        }

        var sql = SqlText.Normalize(text);
        ReadOnlyQueryCheck.Ensure(query, sql);
        // Athena takes execution parameters only in WHERE; everywhere else the validated literal goes inline.
        var (placed, bound) = ExecutionParameterPlacement.KeepOnlyInWhere(sql, functions.ExecutionParameters, query);
        return new RenderedQuery(query.Id, request.Dialect, placed, request.Window, parameters.Canonical, bound) { SourcePath = query.SourcePath };
    }

    private static FlowLogAthenaException Located(QueryDefinition query, ScriptRuntimeException e)
    {
        // Errors the phases own (e.g. a parameter problem) pass through; template mistakes get file:line.
        if (e.InnerException is FlowLogAthenaException owned) return owned;
        var location = query.Location(e.Span.Start.Line, e.Span.Start.Column);
        return new QueryDefinitionException($"{location}: {TemplateErrors.Describe(e)}", e);
    }

    [GeneratedRegex("""^("([^"\p{Cc}]|"")+"|[A-Za-z_][A-Za-z0-9_]*)(\.("([^"\p{Cc}]|"")+"|[A-Za-z_][A-Za-z0-9_]*))*$""")]
    private static partial Regex TableReferencePattern();
}
