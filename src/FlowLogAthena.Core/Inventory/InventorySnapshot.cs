using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FlowLogAthena.Core.Files;

namespace FlowLogAthena.Core.Inventory;

/// <summary>
/// An interface inventory snapshot as both engines read it: JSON lines (one <see cref="InterfaceRecord"/> a line,
/// snake_case names, tags as an object), gzip, at <c>ROOT/snapshot=yyyyMMddTHHmmssZ/interfaces.json.gz</c>. A snapshot
/// is written whole or not at all, and never rewritten: a later sync adds another folder.
/// </summary>
public static class InventorySnapshot
{
    public const string FileName = "interfaces.json.gz";

    /// <summary>The partition column (Athena) and extra column (local) holding a row's snapshot folder value, e.g. <c>20261206T083000Z</c>.</summary>
    public const string SnapshotColumn = "snapshot";

    /// <summary>The JSON names of <see cref="InterfaceRecord"/>, with their Athena types, in order.</summary>
    public static readonly (string Name, string Type)[] Columns =
    [
        ("snapshot_time", "string"), ("account_id", "string"), ("region", "string"), ("interface_id", "string"), ("interface_type", "string"),
        ("description", "string"), ("requester_id", "string"), ("requester_managed", "boolean"), ("status", "string"), ("vpc_id", "string"),
        ("subnet_id", "string"), ("availability_zone", "string"), ("private_ip", "string"), ("addresses", "string"), ("public_ip", "string"),
        ("instance_id", "string"), ("instance_name", "string"), ("security_group_ids", "string"), ("security_group_names", "string"),
        ("tags", "map<string,string>"),
    ];

    /// <summary>The value a snapshot folder gives its rows' <see cref="SnapshotColumn"/>.</summary>
    public static string SnapshotValue(string folder) => Path.GetFileName(folder.TrimEnd('/', Path.DirectorySeparatorChar))["snapshot=".Length..];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The snapshot's folder name, e.g. <c>snapshot=20261206T083000Z</c>.</summary>
    public static string FolderName(DateTimeOffset takenAt) => "snapshot=" + takenAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The value of <see cref="InterfaceRecord.SnapshotTime"/> for a snapshot taken at <paramref name="takenAt"/>.</summary>
    public static string Time(DateTimeOffset takenAt) => takenAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes the rows, gzip JSON lines, to a stream.</summary>
    public static async Task WriteAsync(Stream stream, IEnumerable<InterfaceRecord> rows, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        var written = false;
        foreach (var row in rows)
        {
            await JsonSerializer.SerializeAsync(gzip, row, Json, cancellationToken).ConfigureAwait(false);
            gzip.WriteByte((byte)'\n');
            written = true;
        }
        // An account without interfaces is a snapshot too; a GZipStream given nothing writes nothing, not an empty member.
        if (!written) gzip.WriteByte((byte)'\n');
    }

    /// <summary>Reads a snapshot file back (status, tests).</summary>
    public static IReadOnlyList<InterfaceRecord> Read(string path)
    {
        var rows = new List<InterfaceRecord>();
        var number = 0;
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length > 0)
                    rows.Add(JsonSerializer.Deserialize<InterfaceRecord>(line, Json) ?? throw new JsonException("a line holds null"));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            throw new InventoryException($"Interface inventory snapshot {path} cannot be read (line {number}): {e.Message}", isBadInput: true, e);
        }
        return rows;
    }

    /// <summary>
    /// A local snapshot: written in a hidden staging folder beside it, then renamed into place, so a reader never sees
    /// half of one. A folder of the same second already there is refused rather than replaced.
    /// </summary>
    public static async Task<string> WriteLocalAsync(string root, DateTimeOffset takenAt, IEnumerable<InterfaceRecord> rows, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetFullPath(root), FolderName(takenAt));
        if (Directory.Exists(folder)) throw new IOException($"Snapshot {folder} already exists; snapshots are never rewritten.");
        Directory.CreateDirectory(root);
        var staging = Path.Combine(Path.GetFullPath(root), $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await using (var file = File.Create(Path.Combine(staging, FileName)))
            {
                await WriteAsync(file, rows, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            Directory.Move(staging, folder);
            return folder;
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>The local snapshots under a root, oldest first.</summary>
    public static IReadOnlyList<string> LocalSnapshots(string root) =>
        Directory.Exists(root)
            ? [.. Directory.GetDirectories(root, "snapshot=*").Where(d => File.Exists(Path.Combine(d, FileName))).Order(StringComparer.Ordinal)]
            : [];

    /// <summary><c>~/.cache/flowlog-athena/inventory</c>.</summary>
    public static string DefaultRoot => CacheFolder.Of("inventory");
}
