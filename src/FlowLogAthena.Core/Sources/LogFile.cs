namespace FlowLogAthena.Core.Sources;

/// <summary>One delivered log object and the partition it sits in.</summary>
/// <param name="Path">Local path or S3 URI.</param>
/// <param name="Version">What changes when the object is rewritten: its S3 ETag; null for local files.</param>
public sealed record LogFile(string Path, string Account, string Region, DateTime PartitionStartUtc, long SizeBytes, string? Version = null)
{
    /// <summary>The id of the flow log that delivered the file, from its name; null for a name without one.</summary>
    public string? FlowLogId => PartitionPaths.FlowLogIdOf(Path);
}
