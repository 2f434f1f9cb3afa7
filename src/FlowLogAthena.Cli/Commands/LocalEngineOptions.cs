using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Local.Store;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// The local engine's options, the same on every command that can open it (<c>run</c>, <c>report weekly</c>,
/// <c>job run</c>, <c>serve</c>, <c>demo</c>): --threads, --cache, --store, --memory-limit and --ip-ranges.
/// </summary>
public sealed partial class LocalEngineOptions
{
    /// <summary>The most DuckDB threads one may ask for; more only adds contention (and each has a stack).</summary>
    public const int MaxThreads = 1024;

    /// <summary>The <c>--store</c> value that reads the text logs every time, as before the store.</summary>
    public const string StoreOff = "off";

    public Option<int?> Threads { get; } =
        new Option<int?>("--threads") { Description = $"DuckDB threads, 1 to {MaxThreads} (local engine; default: every core)." }.Within(1, MaxThreads);

    public Option<string?> Cache { get; } =
        new("--cache") { Description = "Folder where the local engine keeps S3 objects it reads (default: ~/.cache/flowlog-athena/s3)." };

    public Option<string> Store { get; } = new("--store")
    {
        Description = "Folder of the local engine's columnar store: text logs are converted to Parquet once, and later runs over the same days read only that "
            + $"({StoreOff}: read the text every time). Deleting it is always safe.",
        DefaultValueFactory = _ => ColumnarStore.DefaultRoot,
        HelpName = "DIR|off",
    };

    public Option<string?> MemoryLimit { get; } = new("--memory-limit")
    {
        Description = $"Most memory DuckDB may use before it spills to the store's tmp/ folder, e.g. 2GB or 512MB (local engine; default: {LocalEngineSettings.DefaultMemoryLimit}: 1 GB, or a quarter of this machine's memory when less).",
        CustomParser = ParseMemoryLimit,
    };

    /// <summary>The <c>--ip-ranges</c> value that offers no address ranges.</summary>
    public const string IpRangesOff = "off";

    public Option<string?> IpRanges { get; } = new("--ip-ranges")
    {
        Description = "AWS's ip-ranges.json to classify addresses with (AWS service, region, border group; local engine). Default: the copy "
            + $"'flowlog-athena ranges update' keeps in ~/.cache/flowlog-athena/ip-ranges, when there is one; on Athena, the table 'ranges publish' made "
            + $"in the database. {IpRangesOff}: none, on either engine. Nothing is fetched at query time.",
        HelpName = "FILE|off",
    };

    public Option<string?> Inventory { get; } = new("--inventory")
    {
        Description = "Folder of interface inventory snapshots ('flowlog-athena inventory sync'); queries join the latest (local engine; default "
            + "~/.cache/flowlog-athena/inventory when it holds one; on Athena, the table interface_inventory in the database). off: none, on either engine.",
        HelpName = "DIR|off",
    };

    public IEnumerable<Option> All => [Threads, Cache, Store, MemoryLimit, IpRanges, Inventory];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    public LocalEngineSettings Read(ParseResult parse) => new()
    {
        Threads = parse.GetValue(Threads),
        CacheFolder = parse.GetValue(Cache),
        StoreFolder = parse.GetValue(Store) is var store && store != StoreOff ? store : null,
        MemoryLimit = parse.GetValue(MemoryLimit) ?? LocalEngineSettings.DefaultMemoryLimit,
        IpRangesFile = parse.GetValue(IpRanges) is { } file && file != IpRangesOff ? file : null,
        IpRangesOff = parse.GetValue(IpRanges) == IpRangesOff,
        InventoryFolder = parse.GetValue(Inventory) is { } folder && folder != IpRangesOff ? folder : null,
        InventoryOff = parse.GetValue(Inventory) == IpRangesOff,
    };

    private static string? ParseMemoryLimit(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value.Trim() : "";
        if (MemoryPattern().IsMatch(text)) return text.ToUpperInvariant();
        result.AddError($"--memory-limit '{text}' is not an amount of memory such as 2GB, 512MB or 1.5GiB.");
        return null;
    }

    [GeneratedRegex(@"^[0-9]{1,6}(\.[0-9]{1,3})?\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryPattern();
}
