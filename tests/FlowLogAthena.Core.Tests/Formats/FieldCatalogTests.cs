namespace FlowLogAthena.Core.Tests.Formats;

public class FieldCatalogTests
{
    [Fact]
    public void Catalog_holds_the_54_documented_fields_with_the_documented_count_per_version()
    {
        Assert.Equal(54, FieldCatalog.All.Count);
        var perVersion = FieldCatalog.All.GroupBy(f => f.Version).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [2] = 14, [3] = 7, [4] = 4, [5] = 4, [7] = 10, [8] = 1, [9] = 1, [10] = 1, [11] = 12 }, perVersion);
        Assert.Equal(FieldCatalog.All.Count, FieldCatalog.All.Select(f => f.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("version", "int", "INTEGER", "INT_32")]
    [InlineData("account-id", "string", "VARCHAR", "STRING")]
    [InlineData("protocol", "int", "INTEGER", "INT_32")]
    [InlineData("bytes", "bigint", "BIGINT", "INT_64")]
    [InlineData("end", "bigint", "BIGINT", "INT_64")]
    [InlineData("traffic-path", "int", "INTEGER", "INT_32")]
    [InlineData("tcp-flags", "int", "INTEGER", "INT_32")]
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
