namespace FlowLogAthena.Synthetic;

/// <summary>Reported after each file is complete under its final name.</summary>
public readonly record struct GeneratorProgress(int FilesWritten, int FilesTotal, long RecordsWritten, long RecordsTotal, long BytesWritten);

/// <summary>One file the generator wrote.</summary>
/// <param name="Path">Full local path.</param>
/// <param name="RelativePath">The S3 key below the root, with <c>/</c> separators (<c>AWSLogs/…</c>).</param>
public sealed record WrittenFile(string Path, string RelativePath, long Records, long Bytes);

/// <summary>What a generation run wrote, in plan order, and how fast.</summary>
public sealed record GenerationSummary(IReadOnlyList<WrittenFile> Files, long Records, long Bytes, TimeSpan Elapsed)
{
    public double RecordsPerSecond => Elapsed > TimeSpan.Zero ? Records / Elapsed.TotalSeconds : 0;
}
