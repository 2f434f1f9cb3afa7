using System.Text.RegularExpressions;
using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// A flow log's id (<c>fl-</c> and 8 or 17 hex digits), which AWS writes in every delivered file's name: the only
/// thing that tells apart flow logs delivering to the same prefix (a VPC log, a subnet log, a Transit Gateway log).
/// </summary>
public static partial class FlowLogIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The id as given, checked; null when none is given.</summary>
    /// <exception cref="UsageException">Not a flow log id: names <paramref name="option"/> and shows the shape.</exception>
    public static string? Parse(string? text, string option)
    {
        if (text is null) return null;
        var id = text.Trim();
        return IsValid(id)
            ? id
            : throw new UsageException(
                $"{option} '{text}' is not a flow log id: AWS's ids are fl- and 8 or 17 lower-case hex digits (e.g. fl-0123456789abcdef0), as in the log files' names.");
    }

    /// <summary>Whether a file belongs to the flow log <paramref name="id"/>, or to any when no id is chosen.</summary>
    public static bool Selects(string? id, string path) => id is null || PartitionPaths.FlowLogIdOf(path) == id;

    [GeneratedRegex("^fl-[0-9a-f]{8}([0-9a-f]{9})?$")]
    private static partial Regex Pattern();
}
