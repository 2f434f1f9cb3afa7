using FlowLogAthena.Core.Sources;
using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Writing;

namespace FlowLogAthena.Synthetic;

/// <summary>
/// Every file a <see cref="GeneratorOptions"/> produces, decided up front: account × region × partition ×
/// <see cref="GeneratorOptions.FilesPerPartition"/> time slices, with the records split over them (evenly per
/// account and region, by duration across slices). Files that would get no record are left out, as AWS
/// delivers no empty files.
/// </summary>
public sealed class GenerationPlan
{
    private GenerationPlan(GeneratorOptions options, IReadOnlyList<GeneratedFile> files)
    {
        Options = options;
        Files = files;
        Records = files.Sum(f => f.RecordCount);
    }

    public GeneratorOptions Options { get; }

    internal IReadOnlyList<GeneratedFile> Files { get; }

    public long Records { get; }

    /// <exception cref="GeneratorOptionsException">The options are invalid.</exception>
    public static GenerationPlan Create(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var seed = (ulong)(uint)options.Seed;
        var encoder = new RecordEncoder(options.Format);
        var remote = RemoteAddresses.For(options);
        var root = Path.GetFullPath(options.Root);

        var slices = new List<(FileSlice Slice, Lazy<NetworkTopology> Network)>();
        var environment = 0;
        foreach (var account in options.Accounts)
        {
            foreach (var region in options.Regions)
            {
                var env = environment++;
                var network = new Lazy<NetworkTopology>(() => NetworkTopology.Build(seed, env, account, region));
                foreach (var slice in Slices(options, seed, account, region))
                    slices.Add((slice, network));
            }
        }

        var counts = Split(options.Records, slices.Select(s => s.Slice.ToUnixSeconds - s.Slice.FromUnixSeconds).ToArray());
        var files = new List<GeneratedFile>();
        for (var i = 0; i < slices.Count; i++)
        {
            if (counts[i] == 0) continue;
            var slice = slices[i].Slice with { Index = files.Count, Records = counts[i] };
            files.Add(new GeneratedFile(slice, root, options, slices[i].Network, remote, encoder));
        }
        return new GenerationPlan(options, files);
    }

    /// <summary>The time slices of one account and region: each partition's part of the window, cut in equal parts.</summary>
    private static IEnumerable<FileSlice> Slices(GeneratorOptions options, ulong seed, string account, string region)
    {
        var partitioning = options.Layout.Partitioning;
        var flowLogRandom = new FastRandom(FastRandom.Mix(seed, FastRandom.Hash(account), FastRandom.Hash(region), 0xF10));
        var flowLogId = "fl-" + flowLogRandom.Hex(17);
        var windowFrom = CeilingUnixSeconds(options.Window.From);
        var windowTo = options.Window.ToUnixSecondsExclusive;
        var parts = options.FilesPerPartition;
        foreach (var partition in PartitionPaths.PartitionsOverlapping(partitioning, options.Window.From, options.Window.To))
        {
            var partitionEnd = partition + PartitionPaths.PartitionLength(partitioning);
            var from = Math.Max(UnixSeconds(partition), windowFrom);
            var to = Math.Min(UnixSeconds(partitionEnd), windowTo);
            for (var j = 0; j < parts; j++)
            {
                var sliceFrom = from + ((to - from) * j / parts);
                var sliceTo = from + ((to - from) * (j + 1) / parts);
                if (sliceTo <= sliceFrom) continue;
                var identity = FastRandom.Mix(seed, FastRandom.Hash(account), FastRandom.Hash(region), (ulong)partition.Ticks ^ (ulong)j);
                yield return new FileSlice(
                    Index: 0, account, region, flowLogId, partition, sliceFrom, sliceTo,
                    DeliveryUtc: DeliveryTime(DateTime.UnixEpoch.AddSeconds(sliceTo), partition, partitionEnd),
                    Hash: ((uint)identity).ToString("x8"),
                    Seed: FastRandom.Mix(identity, 0x5EED),
                    Records: 0);
            }
        }
    }

    /// <summary>
    /// The slice end rounded down to the minute; a slice ending exactly on the next partition's boundary is
    /// stamped a minute earlier, so the name's time stays inside the partition folder that holds it.
    /// </summary>
    internal static DateTime DeliveryTime(DateTime sliceEnd, DateTime partitionStart, DateTime partitionEnd)
    {
        var stamp = FloorMinute(sliceEnd);
        if (stamp >= partitionEnd) stamp = FloorMinute(sliceEnd.AddMinutes(-1));
        return stamp < partitionStart ? partitionStart : stamp;
    }

    /// <summary>Largest-remainder split of <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    internal static long[] Split(long total, long[] weights)
    {
        var counts = new long[weights.Length];
        Int128 sum = 0;
        foreach (var w in weights) sum += w;
        if (sum == 0 || total == 0) return counts;
        var remainders = new (Int128 Remainder, int Index)[weights.Length];
        long assigned = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)total * weights[i];
            counts[i] = (long)(exact / sum);
            remainders[i] = (exact % sum, i);
            assigned += counts[i];
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(total - assigned)))
            counts[index]++;
        return counts;
    }

    private static DateTime FloorMinute(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    private static long UnixSeconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;

    private static long CeilingUnixSeconds(DateTime utc)
    {
        var ticks = (utc - DateTime.UnixEpoch).Ticks;
        return (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
    }
}
