namespace FlowLogAthena.Core.Tests.Formats;

public class FieldCatalogTests
{
    [Fact]
    public void Catalog_holds_the_54_documented_vpc_fields_with_the_documented_count_per_version()
    {
        Assert.Equal(54, FieldCatalog.Vpc.Count);
        var perVersion = FieldCatalog.Vpc.GroupBy(f => f.Version).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [2] = 14, [3] = 7, [4] = 4, [5] = 4, [7] = 10, [8] = 1, [9] = 1, [10] = 1, [11] = 12 }, perVersion);
        Assert.Equal(FieldCatalog.Vpc.Count, FieldCatalog.Vpc.Select(f => f.Name).Distinct().Count());
    }

    /// <summary>AWS's Transit Gateway field table, in its order (docs/research/transit-gateway-flow-logs.md §1.1).</summary>
    [Fact]
    public void Transit_gateway_logs_have_the_36_documented_fields_in_AWS_order_18_of_them_their_own()
    {
        const string documented = "version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id "
            + "tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id "
            + "tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status type packets-lost-no-route "
            + "packets-lost-blackhole packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service "
            + "pkt-dst-aws-service";

        Assert.Equal(documented.Split(' '), FieldCatalog.TransitGateway.Select(f => f.Name));
        var own = FieldCatalog.TransitGateway.Where(f => !FlowLogKind.Vpc.Has(f)).ToList();
        Assert.Equal(18, own.Count);
        Assert.All(own, f => Assert.Equal(6, f.Version));
        Assert.DoesNotContain(FieldCatalog.TransitGateway, f => f.Name == "action");
        Assert.Equal(72, FieldCatalog.All.Count);
        Assert.Equal(72, FieldCatalog.All.Select(f => f.Name).Distinct().Count());
        // A shared field is one entry, so its types cannot differ between the kinds.
        Assert.Same(FieldCatalog.Get("srcaddr"), FieldCatalog.TransitGateway.Single(f => f.Name == "srcaddr"));
    }

    [Theory]
    [InlineData("version", "int", "INTEGER", "INT_32")]
    [InlineData("account-id", "string", "VARCHAR", "STRING")]
    [InlineData("protocol", "int", "INTEGER", "INT_32")]
    [InlineData("bytes", "bigint", "BIGINT", "INT_64")]
    [InlineData("end", "bigint", "BIGINT", "INT_64")]
    [InlineData("traffic-path", "int", "INTEGER", "INT_32")]
    [InlineData("tcp-flags", "int", "INTEGER", "INT_32")]
    [InlineData("tgw-attachment-id", "string", "VARCHAR", "STRING")]
    [InlineData("packets-lost-blackhole", "bigint", "BIGINT", "INT_64")]
    [InlineData("resource-type", "string", "VARCHAR", "STRING")]
    public void Types_follow_the_parquet_types_AWS_documents(string name, string athena, string duckDb, string parquet)
    {
        var field = FieldCatalog.Get(name);
        Assert.Equal((athena, duckDb, parquet), (field.AthenaType, field.DuckDbType, field.ParquetType));
    }

    [Fact]
    public void Column_names_replace_hyphens_with_underscores()
    {
        Assert.Equal("log_status", FieldCatalog.Get("log-status").ColumnName);
        Assert.Equal("pkt_src_aws_service", FieldCatalog.Get("pkt-src-aws-service").ColumnName);
    }

    [Fact]
    public void Traffic_path_codes_1_to_8_have_labels()
    {
        var field = FieldCatalog.Get("traffic-path");
        Assert.Equal(Enumerable.Range(1, 8).Select(i => i.ToString()), field.CodedValues.Keys.Order(StringComparer.Ordinal).OrderBy(int.Parse));
        Assert.Equal("internet gateway (Nitro)", field.LabelOf("8"));
        Assert.Null(field.LabelOf("9"));
    }

    [Theory]
    [InlineData("srcadr", "srcaddr")]
    [InlineData("log_status", "log-status")]
    [InlineData("trafic-path", "traffic-path")]
    [InlineData("drop-cause", "reject-reason")]
    public void Suggests_the_nearest_real_field(string typo, string expected) =>
        Assert.Equal(expected, FieldCatalog.Suggest(typo));

    [Fact]
    public void Suggests_nothing_for_a_name_far_from_every_field() =>
        Assert.Null(FieldCatalog.Suggest("completely-unrelated-thing"));
}
