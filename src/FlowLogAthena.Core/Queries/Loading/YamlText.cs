using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace FlowLogAthena.Core.Queries.Loading;

/// <summary>
/// The one loader of user YAML (job files, query front matter). Before building nodes (which recurses once per
/// level) it walks the parser's events and refuses nesting deeper than <see cref="MaxDepth"/> and more than
/// <see cref="MaxNodes"/> values once aliases are expanded ("billion laughs"), so hostile YAML is a FILE:LINE
/// error, never a stack overflow or a memory blow-up. <c>error</c> builds the caller's exception from a line
/// (1-based, within the text) and a reason.
/// </summary>
internal static partial class YamlText
{
    public const int MaxDepth = 32;
    public const long MaxNodes = 100_000;

    /// <summary>Longer lines are refused before parsing: the YAML scanner takes seconds over a half-megabyte scalar.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>The root node of the first document, or null when the text holds none.</summary>
    public static YamlNode? LoadRoot(string text, Func<int, string, Exception> error)
    {
        try
        {
            CheckBounds(text, error);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw error((int)e.Start.Line, "not valid YAML: " + YamlPosition().Replace(e.Message, ""));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner can fail this way on an unclosed flow list ('[a, b') instead of with a YamlException.
            throw error(1, $"not valid YAML (the parser gave up without a position; look for an unclosed '[' or '{{'): {e.Message}");
        }
    }

    private static void CheckBounds(string text, Func<int, string, Exception> error)
    {
        var line = 1;
        for (int start = 0, end; start < text.Length; start = end + 1, line++)
        {
            end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (end - start > MaxLineLength)
                throw error(line, $"a line of {end - start:N0} characters; no job or query setting needs more than {MaxLineLength / 1024} KiB on one line.");
        }

        var parser = new Parser(new StringReader(text));
        var open = new Stack<(AnchorName Anchor, long FirstNode)>();
        var sizes = new Dictionary<AnchorName, long>();
        long nodes = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case NodeEvent { } start when start is SequenceStart or MappingStart:
                    nodes++;
                    if (open.Count == MaxDepth)
                        throw error((int)start.Start.Line, $"YAML nested deeper than {MaxDepth} levels of lists and mappings; nothing here needs more than a few.");
                    open.Push((start.Anchor, nodes));
                    break;
                case SequenceEnd or MappingEnd:
                    var (anchor, first) = open.Pop();
                    if (!anchor.IsEmpty) sizes[anchor] = nodes - first + 1;
                    break;
                case Scalar scalar:
                    nodes++;
                    if (!scalar.Anchor.IsEmpty) sizes[scalar.Anchor] = 1;
                    break;
                case AnchorAlias alias:
                    nodes += sizes.GetValueOrDefault(alias.Value, 1);
                    break;
            }
            if (nodes > MaxNodes)
                throw error((int)parser.Current!.Start.Line, $"YAML with more than {MaxNodes:N0} values once its aliases (*name) are expanded; that is an alias bomb, not a job or query.");
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex YamlPosition();
}
