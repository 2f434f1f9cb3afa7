using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Core.Tests.Tables;

public sealed class TableDiffTests
{
    private static TableDefinition Wanted { get; } = TableSamples.Table();

    private static IEnumerable<string> Changes(TableDefinition wanted, TableDefinition existing) =>
        TableDiff.Compare(wanted, existing).Select(c => c.ToString());

    private static TableDefinition WithColumns(params TableColumn[] columns) => Wanted with { Columns = columns };

    [Fact]
    public void The_same_definition_built_twice_has_no_changes_and_is_equal()
    {
        var again = TableSamples.Table();

        Assert.Empty(TableDiff.Compare(Wanted, again));
        Assert.Equal(Wanted, again);
        Assert.Equal(Wanted.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Every_layout_and_partition_mode_compares_equal_to_itself_and_differs_from_the_others()
    {
        var tables = TableSamples.AllLayouts()
            .SelectMany(layout => new[] { TableSamples.Table(layout), TableSamples.Table(layout, options: TableSamples.Explicit) })
            .ToList();

        for (var i = 0; i < tables.Count; i++)
            for (var j = 0; j < tables.Count; j++)
                Assert.Equal(i == j, TableDiff.Compare(tables[i], tables[j]).Count == 0);
    }

    [Fact]
    public void An_added_field_is_reported_as_an_added_column()
    {
        var wider = TableSamples.Table(format: FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString + " ${tcp-flags}"));

        Assert.Equal(["column `tcp_flags`: added (int)"], Changes(wider, Wanted));
    }

    [Fact]
    public void A_dropped_field_is_reported_as_a_removed_column()
    {
        var narrower = WithColumns([.. Wanted.Columns.Where(c => c.Name != "log_status")]);

        Assert.Equal(["column `log_status`: removed (was string)"], Changes(narrower, Wanted));
    }

    [Fact]
    public void A_changed_type_is_reported_but_a_change_of_case_is_not()
    {
        var existing = WithColumns([.. Wanted.Columns.Select(c => c.Name switch
        {
            "bytes" => c with { Type = "int" },
            "packets" => c with { Type = "BIGINT" },
            _ => c,
        })]);

        Assert.Equal(["column `bytes`: type int → bigint"], Changes(Wanted, existing));
    }

    [Fact]
    public void A_changed_comment_is_reported()
    {
        var existing = WithColumns([.. Wanted.Columns.Select(c => c.Name == "action" ? c with { Comment = null } : c)]);

        Assert.Equal(["column `action`: comment none → 'Whether the traffic was allowed or dropped.'"], Changes(Wanted, existing));
    }

    [Fact]
    public void Swapped_columns_are_reported_as_moved_without_naming_the_columns_that_kept_their_order()
    {
        var format = FlowLogFormat.Parse(FlowLogFormat.DefaultFormatString.Replace("${srcport} ${dstport}", "${dstport} ${srcport}", StringComparison.Ordinal));
        var swapped = TableSamples.Table(format: format);

        Assert.Equal(["column `srcport`: moved from position 6 to 7"], Changes(swapped, Wanted));
    }

    [Fact]
    public void A_column_moved_to_the_end_is_the_only_one_reported_even_though_the_others_shift()
    {
        var moved = WithColumns([.. Wanted.Columns.Skip(1), Wanted.Columns[0]]);

        Assert.Equal(["column `version`: moved from position 1 to 14"], Changes(moved, Wanted));
    }

    [Fact]
    public void Daily_to_hourly_adds_the_hour_key_and_its_projection()
    {
        var hourly = TableSamples.Table(new SourceLayout(Partitioning: Partitioning.Hourly));

        Assert.Equal(
        [
            "partition key `hour`: added (string)",
            "table property `projection.hour.digits`: added ('2')",
            "table property `projection.hour.range`: added ('0,23')",
            "table property `projection.hour.type`: added ('integer')",
            "table property `storage.location.template`: "
                + "'s3://flowlog-bucket/org/prod/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/' → "
                + "'s3://flowlog-bucket/org/prod/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/${hour}/'",
        ], Changes(hourly, Wanted));
    }

    [Fact]
    public void Text_to_Parquet_changes_formats_SerDe_and_its_properties_and_the_header_skip()
    {
        var parquet = TableSamples.Table(new SourceLayout(FileFormat: LogFileFormat.Parquet));

        Assert.Equal(
        [
            "input format: 'org.apache.hadoop.mapred.TextInputFormat' → 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'",
            "output format: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat' → 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'",
            "SerDe: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe' → 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'",
            "SerDe property `field.delim`: removed (was ' ')",
            "SerDe property `serialization.format`: removed (was ' ')",
            "SerDe property `serialization.null.format`: removed (was '-')",
            "table property `classification`: 'csv' → 'parquet'",
            "table property `skip.header.line.count`: removed (was '1')",
        ], Changes(parquet, Wanted));
    }

    [Fact]
    public void A_new_start_date_account_or_location_is_reported()
    {
        var moved = TableDefinition.For(TableSamples.Source(root: "s3://other-bucket/logs"),
            TableSamples.Projected with { StartDate = new DateOnly(2026, 10, 1), Accounts = [TableSamples.Account] });

        Assert.Equal(
        [
            "location: 's3://flowlog-bucket/org/prod/AWSLogs/' → 's3://other-bucket/logs/AWSLogs/'",
            "table property `projection.aws_account_id.values`: '012345678901,210987654321' → '012345678901'",
            "table property `projection.day.range`: '2026/11/01,NOW' → '2026/10/01,NOW'",
            "table property `storage.location.template`: "
                + "'s3://flowlog-bucket/org/prod/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/' → "
                + "'s3://other-bucket/logs/AWSLogs/${aws_account_id}/vpcflowlogs/${aws_region}/${day}/'",
        ], Changes(moved, Wanted));
    }

    [Fact]
    public void Switching_to_explicit_partitions_removes_every_projection_property()
    {
        var changes = Changes(TableSamples.Table(options: TableSamples.Explicit), Wanted).ToList();

        Assert.Equal(11, changes.Count);
        Assert.All(changes, c => Assert.Matches("^table property `(projection\\.|storage\\.location\\.template).*removed", c));
    }

    [Fact]
    public void Properties_the_project_does_not_manage_are_ignored_on_the_existing_table_but_not_when_wanted()
    {
        var existing = Wanted with
        {
            Properties = new Dictionary<string, string>(Wanted.Properties) { ["transient_lastDdlTime"] = "1793577600", ["owner"] = "team-net" },
        };

        Assert.Empty(TableDiff.Compare(Wanted, existing));
        Assert.Equal(["table property `owner`: added ('team-net')", "table property `transient_lastDdlTime`: added ('1793577600')"],
            Changes(existing, Wanted));
        Assert.NotEqual(Wanted, existing);
    }

    [Fact]
    public void A_different_database_or_table_name_is_reported()
    {
        var renamed = TableSamples.Table(options: TableSamples.Projected with { Table = "vpc_flow_logs_v2" });

        Assert.Equal(["table: flowlogs.vpc_flow_logs → flowlogs.vpc_flow_logs_v2"], Changes(renamed, Wanted));
    }
}
