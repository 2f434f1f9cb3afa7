namespace FlowLogAthena.Synthetic.Network;

/// <summary>Region-derived names: AZ ids (<c>use1-az1</c>), ARN partitions and the region's IPv6 block.</summary>
internal static class RegionNames
{
    /// <summary>The AZ-id prefix AWS uses: <c>us-east-1</c> → <c>use1</c>, <c>ap-southeast-2</c> → <c>apse2</c>.</summary>
    public static string AzPrefix(string region)
    {
        var parts = region.Split('-');
        var prefix = parts[0];
        for (var i = 1; i < parts.Length - 1; i++) prefix += Direction(parts[i]);
        return prefix + parts[^1];
    }

    public static string AzId(string region, int zone) => $"{AzPrefix(region)}-az{zone + 1}";

    /// <summary>The ARN partition of a region.</summary>
    public static string Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    /// <summary>The upper 32 bits of the Amazon IPv6 block VPCs in the region draw from, e.g. 2600:1f18 for us-east-1.</summary>
    public static uint Ipv6Block(string region) => region switch
    {
        "us-east-1" => 0x2600_1f18,
        "us-east-2" => 0x2600_1f16,
        "us-west-1" => 0x2600_1f1c,
        "us-west-2" => 0x2600_1f14,
        "eu-west-1" => 0x2a05_d018,
        "eu-central-1" => 0x2a05_d014,
        _ => 0x2600_1f10 | (uint)(FastRandom.Hash(region) & 0xF),
    };

    private static string Direction(string word) => word switch
    {
        "north" => "n",
        "south" => "s",
        "east" => "e",
        "west" => "w",
        "central" => "c",
        "northeast" => "ne",
        "northwest" => "nw",
        "southeast" => "se",
        "southwest" => "sw",
        _ => word[..1],
    };
}
