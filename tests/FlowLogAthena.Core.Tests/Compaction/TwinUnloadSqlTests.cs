using FlowLogAthena.Core.Compaction;
using FlowLogAthena.Core.Tests.Queries;

namespace FlowLogAthena.Core.Tests.Compaction;

public sealed class TwinUnloadSqlTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);
    private const string Table = "\"flowlogs\".\"vpc_flow_logs\"";
    private const string Staging = "s3://bucket/twin/_flowlog-athena/staging/run/2026-11-02/0/";

    private static FlowLogSource Text(PrefixStyle prefix, Partitioning partitioning, FlowLogFormat? format = null) =>
        new("s3://bucket/logs", format ?? FlowLogFormat.AllVpcFields, new SourceLayout(prefix, partitioning));

    [Fact]
    public void A_daily_unload_selects_every_field_of_the_day_partitions_without_start_bounds()
    {
        var sql = TwinUnloadSql.For(Text(PrefixStyle.Default, Partitioning.Daily, FlowLogFormat.Parse("${srcaddr} ${bytes} ${start}")), Table, Day, Staging);

        Assert.Equal(
            "UNLOAD (SELECT \"srcaddr\", \"bytes\", \"start\", \"aws_account_id\", \"aws_region\" FROM \"flowlogs\".\"vpc_flow_logs\" WHERE \"day\" = '2026/11/02') "
            + "TO 's3://bucket/twin/_flowlog-athena/staging/run/2026-11-02/0/' WITH (format = 'PARQUET', compression = 'ZSTD', partitioned_by = ARRAY['aws_account_id', 'aws_region'])",
            sql);
    }

    [Fact]
    public void An_hourly_hive_unload_keeps_hour_as_a_partition_and_names_the_hive_day()
    {
        var sql = TwinUnloadSql.For(Text(PrefixStyle.Hive, Partitioning.Hourly), Table, Day, Staging, [("012345678901", "us-east-1"), ("123456789012", "eu-west-1")]);

        Assert.Contains("WHERE \"day\" = 'year=2026/month=11/day=02' AND (\"aws_account_id\", \"aws_region\") IN (('012345678901', 'us-east-1'), ('123456789012', 'eu-west-1')))", sql, StringComparison.Ordinal);
        Assert.EndsWith("partitioned_by = ARRAY['aws_account_id', 'aws_region', 'hour'])", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"start\" >=", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123' OR '1'='1", "us-east-1")]
    [InlineData("012345678901", "US-EAST-1")]
    public void An_account_or_region_that_is_not_one_is_refused(string account, string region) =>
        Assert.Throws<ArgumentException>(() => TwinUnloadSql.For(Text(PrefixStyle.Default, Partitioning.Daily), Table, Day, Staging, [(account, region)]));

    [Fact]
    public async Task The_select_of_every_layout_parses_as_Trino_SQL()
    {
        var statements = new List<TrinoGrammarCheck.Statement>();
        foreach (var prefix in Enum.GetValues<PrefixStyle>())
            foreach (var partitioning in Enum.GetValues<Partitioning>())
                foreach (var pairs in new[] { null, new[] { ("012345678901", "us-east-1") } })
                {
                    var sql = TwinUnloadSql.For(Text(prefix, partitioning), Table, Day, Staging, pairs);
                    var select = sql["UNLOAD (".Length..sql.LastIndexOf(") TO '", StringComparison.Ordinal)];
                    statements.Add(new($"{prefix} {partitioning} {(pairs is null ? "all" : "split")}", select));
                }

        var result = await TrinoGrammarCheck.RunAsync(statements);

        Assert.True(result.ExitCode == 0, result.Problems);
        Assert.Contains("8 of 8 statements parse", result.Output);
    }
}
