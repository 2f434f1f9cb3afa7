using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Tests.Tables;

public sealed class AthenaDdlTests
{
    private static readonly SourceLayout HiveHourlyParquet = new(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet);

    private static readonly DateTime SevenAm = new(2026, 11, 2, 7, 0, 0, DateTimeKind.Utc);

    private static TableDefinition HiveTable { get; } = TableSamples.Table(HiveHourlyParquet,
        FlowLogFormat.Parse("${version} ${srcaddr} ${end} ${ecs-second-container-id}"),
        TableSamples.Explicit with { Database = "net", Table = "hive_flows" });

    [Fact]
    public void A_projected_text_table_prints_as_create_external_table_with_serde_location_and_projection_properties()
    {
        Assert.Equal(
            """
        CREATE EXTERNAL TABLE IF NOT EXISTS `flowlogs`.`vpc_flow_logs` (
          `version` int COMMENT 'Format version of the record (highest version among the chosen fields).',
          `account_id` string COMMENT 'Account that owns the interface where the flow was seen.',
          `interface_id` string COMMENT 'ENI on which the traffic was recorded.',
          `srcaddr` string COMMENT 'Sender address for inbound traffic, or this interface\'s address for outbound.',
          `dstaddr` string COMMENT 'Receiver address for outbound traffic, or this interface\'s address for inbound.',
          `srcport` int COMMENT 'Source port.',
          `dstport` int COMMENT 'Destination port.',
          `protocol` int COMMENT 'IANA protocol number.',
          `packets` bigint COMMENT 'Packet count for the flow in the aggregation window.',
          `bytes` bigint COMMENT 'Byte count for the flow in the aggregation window.',
          `start` bigint COMMENT 'Unix seconds of the first packet seen in the window.',
          `end` bigint COMMENT 'Unix seconds of the last packet seen in the window.',
          `action` string COMMENT 'Whether the traffic was allowed or dropped.',
          `log_status` string COMMENT 'Health of logging for this record.'
        )
        PARTITIONED BY (
          `aws_account_id` string COMMENT 'Account id of the delivery folder.',
          `aws_region` string COMMENT 'Region of the delivery folder.',
          `day` string COMMENT 'Delivery day folder as yyyy/MM/dd (UTC).'
        )
        ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
        WITH SERDEPROPERTIES (
          'field.delim' = ' ',
          'serialization.format' = ' ',
          'serialization.null.format' = '-'
        )
        STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
        OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
        LOCATION 's3://flowlog-bucket/org/prod/AWSLogs/'
        TBLPROPERTIES (
          'classification' = 'csv',
          'projection.aws_account_id.type' = 'enum',
          'projection.aws_account_id.values' = '012345678901,210987654321',
          'projection.aws_region.type' = 'enum',
          'projection.aws_region.values' = 'eu-west-1,us-east-1',
          'projection.day.format' = 'yyyy/MM/dd',
          'projection.day.interval' = '1',
          'projection.day.interval.unit' = 'DAYS',
          'projection.day.range' = '2026/11/01,NOW',
          'projection.day.type' = 'date',
          'projection.enabled' = 'true',
          'skip.header.line.count' = '1',
          'storage.location.template' = 's3://flowlog-bucket/org/prod/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/'
        )
        """,
            AthenaDdl.CreateTable(TableSamples.Table()));
    }

    [Fact]
    public void A_Parquet_table_with_explicit_partitions_prints_without_serde_properties_or_projection()
    {
        Assert.Equal(
            """
        CREATE EXTERNAL TABLE IF NOT EXISTS `net`.`hive_flows` (
          `version` int COMMENT 'Format version of the record (highest version among the chosen fields).',
          `srcaddr` string COMMENT 'Sender address for inbound traffic, or this interface\'s address for outbound.',
          `end` bigint COMMENT 'Unix seconds of the last packet seen in the window.',
          `ecs_second_container_id` string COMMENT 'Docker runtime ID of the task\'s second container.'
        )
        PARTITIONED BY (
          `aws_account_id` string COMMENT 'Account id of the delivery folder.',
          `aws_region` string COMMENT 'Region of the delivery folder.',
          `day` string COMMENT 'Delivery day folder as year=yyyy/month=MM/day=dd (UTC).',
          `hour` string COMMENT 'Delivery hour folder as HH (UTC).'
        )
        ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
        STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'
        OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'
        LOCATION 's3://flowlog-bucket/org/prod/AWSLogs/'
        TBLPROPERTIES (
          'classification' = 'parquet'
        )
        """,
            AthenaDdl.CreateTable(HiveTable));
    }

    [Fact]
    public void Explicit_partitions_print_as_one_alter_table_add_if_not_exists_with_a_location_each()
    {
        var scheme = PartitionScheme.For(TableSamples.Source(HiveHourlyParquet));

        var statements = AthenaDdl.AddPartitions(HiveTable,
            [scheme.Partition(TableSamples.Account, "us-east-1", SevenAm), scheme.Partition(TableSamples.Account, "eu-west-1", SevenAm.AddHours(1))]);

        Assert.Equal(
            [
                """
            ALTER TABLE `net`.`hive_flows` ADD IF NOT EXISTS
            PARTITION (`aws_account_id` = '012345678901', `aws_region` = 'us-east-1', `day` = 'year=2026/month=11/day=02', `hour` = '07') LOCATION 's3://flowlog-bucket/org/prod/AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/hour=07/'
            PARTITION (`aws_account_id` = '012345678901', `aws_region` = 'eu-west-1', `day` = 'year=2026/month=11/day=02', `hour` = '08') LOCATION 's3://flowlog-bucket/org/prod/AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=11/day=02/hour=08/'
            """,
            ],
            statements);
    }

    [Fact]
    public void Partitions_are_added_at_most_100_a_statement_in_order()
    {
        var scheme = PartitionScheme.For(TableSamples.Source(HiveHourlyParquet));
        var partitions = Enumerable.Range(0, 250).Select(h => scheme.Partition(TableSamples.Account, "us-east-1", SevenAm.AddHours(h))).ToList();

        var statements = AthenaDdl.AddPartitions(HiveTable, partitions);

        Assert.Equal([100, 100, 50], statements.Select(s => s.Split("\nPARTITION (").Length - 1));
        Assert.Equal(partitions.Select(p => p.Location), statements.SelectMany(s => s.Split('\n').Skip(1)).Select(line => line[(line.IndexOf("LOCATION '", StringComparison.Ordinal) + 10)..^1]));
    }

    [Fact]
    public void No_partitions_print_no_statement()
    {
        Assert.Empty(AthenaDdl.AddPartitions(HiveTable, []));
    }

    [Fact]
    public void A_partition_with_the_wrong_number_of_values_is_refused()
    {
        var daily = new TablePartition([TableSamples.Account, "us-east-1", "year=2026/month=11/day=02"], "s3://flowlog-bucket/x/");

        var error = Assert.Throws<ArgumentException>(() => AthenaDdl.AddPartitions(HiveTable, [daily]));

        Assert.Contains("has 3 values; table net.hive_flows has 4 partition keys", error.Message);
    }

    [Fact]
    public void The_database_is_created_only_if_missing()
    {
        Assert.Equal("CREATE DATABASE IF NOT EXISTS `flowlogs`", AthenaDdl.CreateDatabase("flowlogs"));
    }

    [Fact]
    public void Quotes_backslashes_and_line_breaks_in_strings_and_backticks_in_names_are_escaped()
    {
        var table = TableSamples.Table() with
        {
            Name = "odd`name",
            Columns = [new TableColumn("note", "string", "it's a\\path\nnext\tline")],
        };

        var ddl = AthenaDdl.CreateTable(table);

        Assert.StartsWith("CREATE EXTERNAL TABLE IF NOT EXISTS `flowlogs`.`odd``name` (\n  `note` string COMMENT 'it\\'s a\\\\path\\nnext\\tline'\n)", ddl);
    }

    [Theory]
    [InlineData("int) LOCATION 'x")]
    [InlineData("")]
    [InlineData("string;")]
    public void A_column_type_that_is_not_a_type_is_refused(string type)
    {
        var table = TableSamples.Table() with { Columns = [new TableColumn("x", type)] };

        Assert.Throws<ArgumentException>(() => AthenaDdl.CreateTable(table));
    }

    [Fact]
    public void Every_property_but_EXTERNAL_is_printed_since_CREATE_EXTERNAL_TABLE_says_it()
    {
        var table = TableSamples.Table();

        var ddl = AthenaDdl.CreateTable(table);

        Assert.DoesNotContain("'EXTERNAL'", ddl);
        Assert.All(table.Properties.Where(p => p.Key != "EXTERNAL"), p => Assert.Contains($"  '{p.Key}' = '{p.Value}'", ddl));
    }
}
