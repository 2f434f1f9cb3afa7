using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Tests.Tables;

/// <summary>Sources, options and layouts the table tests share.</summary>
internal static class TableSamples
{
    public const string Root = "s3://flowlog-bucket/org/prod";

    public const string Account = "012345678901";

    public static FlowLogFormat EveryField { get; } =
        FlowLogFormat.AllVpcFields;

    /// <summary>The default v2 format, a v3–v5 custom format, all 54 VPC fields, and a Transit Gateway flow log's default.</summary>
    public static TheoryData<string> Formats { get; } = new(
        FlowLogFormat.DefaultFormatString,
        "${vpc-id} ${subnet-id} ${instance-id} ${srcaddr} ${dstaddr} ${tcp-flags} ${pkt-srcaddr} ${region} ${flow-direction} ${traffic-path} ${start} ${end} ${bytes}",
        EveryField.FormatString,
        FlowLogFormat.TransitGatewayDefault.FormatString);

    /// <summary>Every layout AWS can deliver: default or Hive prefixes × daily or hourly × text or Parquet.</summary>
    public static IEnumerable<SourceLayout> AllLayouts() =>
        from prefix in Enum.GetValues<PrefixStyle>()
        from partitioning in Enum.GetValues<Partitioning>()
        from fileFormat in Enum.GetValues<LogFileFormat>()
        select new SourceLayout(prefix, partitioning, fileFormat);

    public static FlowLogSource Source(SourceLayout? layout = null, FlowLogFormat? format = null, string root = Root) =>
        new(root, format ?? FlowLogFormat.Default, layout ?? SourceLayout.DefaultLayout);

    public static TableOptions Projected { get; } = new()
    {
        StartDate = new DateOnly(2026, 11, 1),
        Accounts = [Account, "210987654321"],
        Regions = ["us-east-1", "eu-west-1"],
    };

    public static TableOptions Explicit { get; } = new() { Partitions = PartitionMode.Explicit };

    public static TableDefinition Table(SourceLayout? layout = null, FlowLogFormat? format = null, TableOptions? options = null) =>
        TableDefinition.For(Source(layout, format), options ?? Projected);
}
