using System.Text;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Synthetic.Network;
using FlowLogAthena.Synthetic.Sampling;
using FlowLogAthena.Synthetic.Writing;

namespace FlowLogAthena.Synthetic;

/// <summary>
/// One log file of a <see cref="GenerationPlan"/>: where it goes, the time slice its records start in, and its
/// records, which <see cref="EnumerateRecords"/> reproduces exactly without writing anything.
/// </summary>
internal sealed class GeneratedFile
{
    private readonly Lazy<NetworkTopology> _network;
    private readonly RemoteAddresses _remote;
    private readonly RecordEncoder _encoder;
    private readonly ulong _seed;
    private readonly long _fromUnixSeconds;
    private readonly long _toUnixSeconds;
    private readonly bool _plantFindings;
    private readonly TimeWindow _window;

    internal GeneratedFile(FileSlice slice, string root, GeneratorOptions options, Lazy<NetworkTopology> network,
        RemoteAddresses remote, RecordEncoder encoder)
    {
        _network = network;
        _remote = remote;
        _encoder = encoder;
        _seed = slice.Seed;
        _fromUnixSeconds = slice.FromUnixSeconds;
        _toUnixSeconds = slice.ToUnixSeconds;
        _plantFindings = options.PlantFindings;
        _window = options.Window;
        Index = slice.Index;
        Account = slice.Account;
        Region = slice.Region;
        FlowLogId = slice.FlowLogId;
        PartitionStartUtc = slice.PartitionStartUtc;
        SliceStartUtc = DateTime.UnixEpoch.AddSeconds(slice.FromUnixSeconds);
        SliceEndUtc = DateTime.UnixEpoch.AddSeconds(slice.ToUnixSeconds);
        DeliveryUtc = slice.DeliveryUtc;
        RecordCount = slice.Records;
        Format = options.Format;
        Layout = options.Layout;
        FileName = PartitionPaths.FileName(Layout, Account, Region, FlowLogId, DeliveryUtc, slice.Hash);
        RelativePath = $"{PartitionPaths.PartitionPrefix(Layout, Account, Region, PartitionStartUtc)}/{FileName}";
        FullPath = Path.Combine(root, RelativePath.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Position in the plan.</summary>
    public int Index { get; }

    public string Account { get; }
    public string Region { get; }

    /// <summary>The flow log's id (<c>fl-</c> and 17 hex digits), one per account and region.</summary>
    public string FlowLogId { get; }

    public DateTime PartitionStartUtc { get; }

    /// <summary>Every record's start is in [<see cref="SliceStartUtc"/>, <see cref="SliceEndUtc"/>).</summary>
    public DateTime SliceStartUtc { get; }

    public DateTime SliceEndUtc { get; }

    /// <summary>The file name's timestamp: the slice end rounded down to the minute, kept inside the partition.</summary>
    public DateTime DeliveryUtc { get; }

    public long RecordCount { get; }
    public FlowLogFormat Format { get; }
    public SourceLayout Layout { get; }
    public string FileName { get; }

    /// <summary>The S3 key below the root, with <c>/</c> separators: <c>AWSLogs/…/{FileName}</c>.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    /// <summary>The file's records, regenerated from the seed: exactly what <see cref="FlowLogGenerator"/> writes.</summary>
    public IEnumerable<FlowRecord> EnumerateRecords()
    {
        var stream = OpenStream();
        var fields = _encoder.Fields;
        var buffer = new byte[RecordEncoder.MaxLineLength];
        var sample = FlowSample.Empty(0);
        while (stream.TryNext(ref sample))
        {
            var values = new string?[fields.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var length = _encoder.WriteField(fields[i], in sample, stream.Network, buffer);
                values[i] = length < 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
            }
            yield return new FlowRecord(Format, values, sample.Start, sample.Status == LogStatus.Ok);
        }
    }

    public override string ToString() => RelativePath;

    internal RecordEncoder Encoder => _encoder;

    internal RecordStream OpenStream() =>
        new(_network.Value, _remote, _seed, _fromUnixSeconds, _toUnixSeconds, RecordCount, _plantFindings, _window, Format.Kind);

    /// <summary>The network of the file's account and region, shared by all its files.</summary>
    internal NetworkTopology Network => _network.Value;
}

/// <summary>The planned facts of one file, before it gets its paths.</summary>
internal sealed record FileSlice(
    int Index, string Account, string Region, string FlowLogId, DateTime PartitionStartUtc,
    long FromUnixSeconds, long ToUnixSeconds, DateTime DeliveryUtc, string Hash, ulong Seed, long Records);
