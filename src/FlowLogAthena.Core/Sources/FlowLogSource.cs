using FlowLogAthena.Core.Formats;

namespace FlowLogAthena.Core.Sources;

/// <summary>
/// Where flow logs are and how they were delivered: a root (local folder, or <c>s3://bucket/prefix</c>
/// in the AWS adapter) that holds <c>AWSLogs/</c>, the log format and the delivery layout; and, when several flow
/// logs deliver to that root, the one to read (its id, from the files' names; null reads every file).
/// </summary>
public sealed record FlowLogSource(string Root, FlowLogFormat Format, SourceLayout Layout, string? FlowLogId = null)
{
    public bool IsS3 => Root.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);
}
