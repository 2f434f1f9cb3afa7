namespace FlowLogAthena.Core.Queries.Rendering;

/// <summary>A helper refused a call in a template; the renderer adds the file and line from Scriban's span.</summary>
internal sealed class TemplateHelperException(string message) : Exception(message);
