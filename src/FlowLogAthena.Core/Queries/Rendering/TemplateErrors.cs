using Scriban.Syntax;

namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>What a template mistake says, for the renderer (query file) and for partials (partial file).</summary>
internal static class TemplateErrors
{
    /// <summary>A refusing helper's own message, else Scriban's, with the helpers listed when a name was unknown.</summary>
    public static string Describe(ScriptRuntimeException e)
    {
        var message = e.InnerException is TemplateHelperException helper ? helper.Message : e.OriginalMessage;
        if (e.InnerException is null && message.Contains("was not found", StringComparison.Ordinal))
            message += $". A template can use only: {string.Join(", ", TemplateFunctions.Names)}";
        return message;
    }
}
