using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>A query file cut in two: the YAML between the <c>---</c> lines, and the template body after them.</summary>
/// <param name="YamlStartLine">1-based file line of the first YAML line.</param>
/// <param name="BodyStartLine">1-based file line of the first body line.</param>
internal sealed record FrontMatter(string Yaml, int YamlStartLine, string Body, int BodyStartLine)
{
    private const string Fence = "---";

    public static FrontMatter Split(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimEnd() != Fence)
            throw new QueryDefinitionException(
                $"{path}:1: a query file must start with a '---' line that opens its YAML front matter (id, title, parameters, …).");
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != Fence) continue;
            return new FrontMatter(
                string.Join('\n', lines[1..i]), 2,
                string.Join('\n', lines[(i + 1)..]), i + 2);
        }
        throw new QueryDefinitionException($"{path}:1: the front matter opened here has no closing '---' line.");
    }
}
