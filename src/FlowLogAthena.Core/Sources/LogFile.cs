namespace FlowLogAthena.Core.Sources;

/// <summary>One delivered log object and the partition it sits in.</summary>
/// <param name="Path">Local path or S3 URI.</param>
/// <param name="Version">What changes when the object is rewritten: its S3 ETag; null for local files.</param>
public sealed record LogFile(string Path, string Account, string Region, DateTime PartitionStartUtc, long SizeBytes, string? Version = null);
