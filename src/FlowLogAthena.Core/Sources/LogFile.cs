namespace FlowLogAthena.Core.Sources;

/// <summary>One delivered log object and the partition it sits in.</summary>
/// <param name="Path">Local path or S3 URI.</param>
public sealed record LogFile(string Path, string Account, string Region, DateTime PartitionStartUtc, long SizeBytes);
