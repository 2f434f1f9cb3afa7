using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Queries.Loading;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>
/// Renders a partial where a query's template calls it: in the same context (the query's helpers, parameters and
/// fields; Athena's placeholders stay in text order), with the call's <c>{ key: value }</c> as variables on top.
/// </summary>
internal static class PartialRendering
{
    public static string Render(TemplateContext context, QueryPartial partial, ScriptObject? arguments)
    {
        var scope = arguments ?? new ScriptObject();
        foreach (var key in scope.Keys)
            if (TemplateFunctions.Names.Contains(key, StringComparer.Ordinal))
                throw new TemplateHelperException($"partial '{partial.Name}' is given '{key}', which would hide the helper of that name; call the value otherwise.");

        context.PushGlobal(scope);
        context.PushOutput();
        try
        {
            return partial.Template.Render(context);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is not FlowLogAthenaException)
        {
            // The call site gets the query's file:line from the renderer; the partial's own place goes in the message.
            var where = $"{partial.SourcePath}:{e.Span.Start.Line + 1}:{e.Span.Start.Column + 1}";
            throw new TemplateHelperException($"in partial '{partial.Name}' ({where}): {TemplateErrors.Describe(e)}");
        }
        finally
        {
            context.PopOutput();
            context.PopGlobal();
        }
    }
}
