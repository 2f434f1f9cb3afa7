namespace FlowLogAthena.Core.Sources;

/// <summary>
/// The two listings <see cref="LayoutWalker"/> needs from a place that holds AWS's flow-log layout: a local
/// folder or an S3 prefix. Locations are the store's own (a path, a key prefix); the walker only joins and names them.
/// </summary>
public interface ILayoutStore
{
    /// <summary>The folders directly below <paramref name="folder"/>, in the store's order, or null when it holds none to walk
    /// (a local folder that is not there; an S3 prefix with no folders below it).</summary>
    Task<IReadOnlyList<string>?> FoldersAsync(string folder, CancellationToken cancellationToken);

    /// <summary>The files in <paramref name="folder"/> whose names end with <paramref name="extension"/>, with their sizes, in the
    /// store's order; none when the folder is not there.</summary>
    Task<IReadOnlyList<StoredFile>> FilesAsync(string folder, string extension, CancellationToken cancellationToken);

    /// <summary>The location of <paramref name="relative"/> (one or more '/'-separated names) below <paramref name="folder"/>.</summary>
    string Child(string folder, string relative);

    /// <summary>The last name of a location, as the layout's rules read it (account, service, region folder names).</summary>
    string NameOf(string location);

    /// <summary>Why the walk found no account folder holding flow logs, naming where it looked.</summary>
    string NoFlowLogsMessage(SourceLayout layout);
}

/// <summary>One file a store listed: where it is (a path or an S3 URI), its size, and what changes when it is rewritten
/// (S3's ETag; null for local files, whose modification time the store reads itself).</summary>
public readonly record struct StoredFile(string Location, long SizeBytes, string? Version = null);
