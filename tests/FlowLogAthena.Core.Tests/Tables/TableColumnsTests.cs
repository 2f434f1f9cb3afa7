using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Tests.Tables;

public sealed class TableColumnsTests
{
    [Theory]
    [MemberData(nameof(TableSamples.Formats), MemberType = typeof(TableSamples))]
    public void Columns_are_the_format_fields_in_order_with_their_catalog_types_and_meanings(string formatString)
    {
        var format = FlowLogFormat.Parse(formatString);

        var table = TableSamples.Table(format: format);

        Assert.Equal(format.Fields.Select(f => new TableColumn(f.ColumnName, f.AthenaType, f.MeaningIn(format.Kind))), table.Columns);
    }

    [Fact]
    public void The_default_format_gives_AWS_v2_columns_with_int_bigint_and_string_types()
    {
        var table = TableSamples.Table();

        Assert.Equal(
            "version int, account_id string, interface_id string, srcaddr string, dstaddr string, srcport int, dstport int, "
            + "protocol int, packets bigint, bytes bigint, start bigint, end bigint, action string, log_status string",
            string.Join(", ", table.Columns));
    }

    [Fact]
    public void A_transit_gateway_flow_log_gets_its_36_columns_with_the_packets_lost_as_bigint()
    {
        var table = TableSamples.Table(new SourceLayout(FileFormat: LogFileFormat.Parquet), FlowLogFormat.TransitGatewayDefault);

        Assert.Equal(36, table.Columns.Count);
        Assert.Equal(["resource_type", "account_id", "tgw_id", "tgw_attachment_id"], table.Columns.Skip(1).Take(4).Select(c => c.Name));
        Assert.Equal(["packets", "bytes", "start", "end", "packets_lost_no_route", "packets_lost_blackhole", "packets_lost_mtu_exceeded", "packets_lost_ttl_expired"],
            table.Columns.Where(c => c.Type == "bigint").Select(c => c.Name));
        Assert.DoesNotContain(table.Columns, c => c.Name == "action");
        // A shared field's comment says what it means in a Transit Gateway flow log.
        Assert.Equal("Account that owns the source transit gateway.", table.Columns.Single(c => c.Name == "account_id").Comment);
        Assert.Equal("Packet count for the flow in the aggregation window.", table.Columns.Single(c => c.Name == "packets").Comment);
    }

    [Fact]
    public void All_54_fields_become_54_columns_typed_as_Parquet_stores_them()
    {
        var table = TableSamples.Table(new SourceLayout(FileFormat: LogFileFormat.Parquet), TableSamples.EveryField);

        Assert.Equal(54, table.Columns.Count);
        Assert.Equal(["version", "srcport", "dstport", "protocol", "tcp_flags", "traffic_path"], table.Columns.Where(c => c.Type == "int").Select(c => c.Name));
        Assert.Equal(["packets", "bytes", "start", "end"], table.Columns.Where(c => c.Type == "bigint").Select(c => c.Name));
        Assert.Equal(44, table.Columns.Count(c => c.Type == "string"));
        Assert.Equal("next_hop_interface_type", table.Columns[^1].Name);
    }

    [Fact]
    public void Text_and_Parquet_tables_of_one_format_have_the_same_columns()
    {
        var text = TableSamples.Table(new SourceLayout(FileFormat: LogFileFormat.Text), TableSamples.EveryField);
        var parquet = TableSamples.Table(new SourceLayout(FileFormat: LogFileFormat.Parquet), TableSamples.EveryField);

        Assert.Equal(text.Columns, parquet.Columns);
    }

    [Theory]
    [InlineData(Partitioning.Daily, "aws_account_id string, aws_region string, day string")]
    [InlineData(Partitioning.Hourly, "aws_account_id string, aws_region string, day string, hour string")]
    public void Partition_keys_are_account_region_day_and_hour_when_hourly(Partitioning partitioning, string expected)
    {
        foreach (var prefix in Enum.GetValues<PrefixStyle>())
        {
            var table = TableSamples.Table(new SourceLayout(prefix, partitioning));

            Assert.Equal(expected, string.Join(", ", table.PartitionKeys));
            Assert.Equal([PartitionColumns.Account, PartitionColumns.Region, PartitionColumns.Day], table.PartitionKeys.Take(3).Select(k => k.Name));
        }
    }

    [Fact]
    public void Partition_keys_never_clash_with_a_field_column()
    {
        var table = TableSamples.Table(new SourceLayout(Partitioning: Partitioning.Hourly), TableSamples.EveryField);

        Assert.Empty(table.PartitionKeys.Select(k => k.Name).Intersect(table.Columns.Select(c => c.Name)));
    }

    [Fact]
    public void Database_and_table_names_come_from_the_options()
    {
        var table = TableSamples.Table(options: TableSamples.Explicit with { Database = "network_logs", Table = "prod_vpc_2026" });

        Assert.Equal(("network_logs", "prod_vpc_2026"), (table.Database, table.Name));
    }

    [Theory]
    [InlineData("FlowLogs")]
    [InlineData("flow-logs")]
    [InlineData("flow logs")]
    [InlineData("")]
    [InlineData("x`y")]
    public void A_name_Athena_would_not_keep_as_given_is_refused(string name)
    {
        var error = Assert.Throws<TableDefinitionException>(() => TableSamples.Table(options: TableSamples.Explicit with { Table = name }));

        Assert.Contains($"'{name}' cannot be a table name", error.Message);
        Assert.True(error.IsBadInput);
    }

    [Fact]
    public void A_name_longer_than_Glue_allows_is_refused()
    {
        var error = Assert.Throws<TableDefinitionException>(
            () => TableSamples.Table(options: TableSamples.Explicit with { Database = new string('a', 256) }));

        Assert.Contains("cannot be a database name", error.Message);
    }
}
