using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Tests.Tables;

public sealed class TableStorageTests
{
    [Fact]
    public void Text_logs_are_read_space_delimited_with_a_dash_as_null_and_the_header_line_skipped()
    {
        var table = TableSamples.Table(new SourceLayout(FileFormat: LogFileFormat.Text));

        Assert.Equal("org.apache.hadoop.mapred.TextInputFormat", table.Storage.InputFormat);
        Assert.Equal("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat", table.Storage.OutputFormat);
        Assert.Equal("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", table.Storage.SerializationLibrary);
        Assert.Equal(
            new Dictionary<string, string> { ["field.delim"] = " ", ["serialization.format"] = " ", ["serialization.null.format"] = "-" },
            table.Storage.SerdeParameters);
        Assert.Equal("1", table.Properties["skip.header.line.count"]);
        Assert.Equal("csv", table.Properties["classification"]);
        Assert.Equal("TRUE", table.Properties["EXTERNAL"]);
    }

    [Fact]
    public void Parquet_logs_are_read_with_the_Parquet_SerDe_and_no_header_skip()
    {
        var table = TableSamples.Table(new SourceLayout(FileFormat: LogFileFormat.Parquet));

        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", table.Storage.InputFormat);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat", table.Storage.OutputFormat);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", table.Storage.SerializationLibrary);
        Assert.Empty(table.Storage.SerdeParameters);
        Assert.False(table.Properties.ContainsKey("skip.header.line.count"));
        Assert.Equal("parquet", table.Properties["classification"]);
        Assert.Equal("TRUE", table.Properties["EXTERNAL"]);
    }

    [Theory]
    [InlineData("s3://flowlog-bucket/org/prod", "s3://flowlog-bucket/org/prod/AWSLogs/")]
    [InlineData("s3://flowlog-bucket/org/prod/", "s3://flowlog-bucket/org/prod/AWSLogs/")]
    [InlineData("s3://flowlog-bucket", "s3://flowlog-bucket/AWSLogs/")]
    [InlineData("S3://flowlog-bucket/", "s3://flowlog-bucket/AWSLogs/")]
    public void The_location_is_the_AWSLogs_folder_under_the_source_root(string root, string expected)
    {
        var table = TableDefinition.For(TableSamples.Source(root: root), TableSamples.Projected);

        Assert.Equal(expected, table.Storage.Location);
    }

    [Theory]
    [InlineData("./flowlogs")]
    [InlineData("/data/flowlogs")]
    [InlineData("s3://")]
    [InlineData("s3:///prefix")]
    [InlineData("https://flowlog-bucket.s3.amazonaws.com/prefix")]
    public void A_source_outside_S3_cannot_make_a_Glue_table(string root)
    {
        var error = Assert.Throws<TableDefinitionException>(() => TableDefinition.For(TableSamples.Source(root: root), TableSamples.Projected));

        Assert.Contains($"'{root}' is not one", error.Message);
        Assert.Contains("s3://bucket/prefix", error.Message);
    }
}
