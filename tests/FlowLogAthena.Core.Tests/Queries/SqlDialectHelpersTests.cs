using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

public sealed class SqlDialectHelpersTests
{
    private static readonly SqlDialectHelpers Athena = SqlDialectHelpers.For(SqlDialect.Athena);
    private static readonly SqlDialectHelpers DuckDb = SqlDialectHelpers.For(SqlDialect.DuckDb);

    public static TheoryData<SqlDialect> Dialects => new() { SqlDialect.Athena, SqlDialect.DuckDb };

    private static TimeWindow Window(string from, string to) => TimeWindow.Parse(from, to);

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Identifiers_are_always_double_quoted_with_inner_quotes_doubled(SqlDialect dialect)
    {
        var sql = SqlDialectHelpers.For(dialect);

        Assert.Equal("\"end\"", sql.QuoteIdentifier("end"));
        Assert.Equal("\"day\"", sql.QuoteIdentifier("day"));
        Assert.Equal("\"a\"\"b\"", sql.QuoteIdentifier("a\"b"));
        Assert.Equal("\"log_status\"", sql.Column(FieldCatalog.Get("log-status")));
        Assert.Throws<ArgumentException>(() => sql.QuoteIdentifier("a\nb"));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Literals_render_each_parameter_type(SqlDialect dialect)
    {
        var sql = SqlDialectHelpers.For(dialect);
        QueryParameterDefinition Def(QueryParameterType type, QueryParameterType? item = null) =>
            new() { Name = "p", Type = type, ItemType = item, Values = ["ACCEPT", "REJECT"] };
        string Literal(QueryParameterType type, string raw, QueryParameterType? item = null) =>
            sql.Literal(ParameterParser.Parse(Def(type, item), raw));

        Assert.Equal("10", Literal(QueryParameterType.Int, "10"));
        Assert.Equal("(-5)", Literal(QueryParameterType.Int, "-5"));
        Assert.Equal("443", Literal(QueryParameterType.Port, "443"));
        Assert.Equal("'web-01'", Literal(QueryParameterType.String, "web-01"));
        Assert.Equal("'REJECT'", Literal(QueryParameterType.Enum, "reject"));
        Assert.Equal("DATE '2026-11-02'", Literal(QueryParameterType.Date, "2026-11-02"));
        Assert.Equal("1793624400", Literal(QueryParameterType.Timestamp, "2026-11-02T13:00:00Z"));
        Assert.Equal("'2001:db8::1'", Literal(QueryParameterType.Ip, "2001:DB8::1"));
        Assert.Equal("'10.0.0.0/8'", Literal(QueryParameterType.Cidr, "10.1.0.0/8"));
        Assert.Equal("22, 3389", Literal(QueryParameterType.List, "22,3389", QueryParameterType.Port));
        Assert.Equal("'10.0.0.1', '10.0.0.2'", Literal(QueryParameterType.List, "10.0.0.1,10.0.0.2", QueryParameterType.Ip));
    }

    [Fact]
    public void String_literal_doubles_quotes_as_a_second_line_of_defence()
    {
        Assert.Equal("'it''s'", Athena.StringLiteral("it's"));
        Assert.Equal("'it''s'", DuckDb.StringLiteral("it's"));
    }

    [Fact]
    public void Athena_daily_window_prunes_one_day_and_bounds_start()
    {
        Assert.Equal(
            "(\"day\" = '2026/11/02' AND \"start\" >= 1793577600 AND \"start\" < 1793664000)",
            Athena.TimeWindowPredicate(Window("2026-11-02", "2026-11-03"), Partitioning.Daily));
    }

    [Fact]
    public void Athena_daily_window_over_several_days_is_a_day_range()
    {
        var predicate = Athena.TimeWindowPredicate(Window("2026-11-02T06:00:00Z", "2026-11-05T00:00:00Z"), Partitioning.Daily);

        Assert.StartsWith("(\"day\" BETWEEN '2026/11/02' AND '2026/11/04' AND ", predicate);
        Assert.Contains("\"start\" >= 1793599200 AND \"start\" < 1793836800", predicate);
    }

    [Fact]
    public void Athena_hourly_window_within_a_day_prunes_hours()
    {
        Assert.Equal(
            "\"day\" = '2026/11/02' AND \"hour\" BETWEEN '05' AND '09'",
            ((AthenaSqlHelpers)Athena).PartitionPredicate(Window("2026-11-02T05:00:00Z", "2026-11-02T09:30:00Z"), Partitioning.Hourly));
        Assert.Equal(
            "\"day\" = '2026/11/02' AND \"hour\" = '05'",
            ((AthenaSqlHelpers)Athena).PartitionPredicate(Window("2026-11-02T05:00:00Z", "2026-11-02T06:00:00Z"), Partitioning.Hourly));
    }

    [Fact]
    public void Athena_hourly_window_across_days_prunes_the_edge_hours()
    {
        Assert.Equal(
            "\"day\" BETWEEN '2026/11/02' AND '2026/11/04' AND (\"day\" > '2026/11/02' OR \"hour\" >= '22') AND (\"day\" < '2026/11/04' OR \"hour\" <= '02')",
            ((AthenaSqlHelpers)Athena).PartitionPredicate(Window("2026-11-02T22:00:00Z", "2026-11-04T03:00:00Z"), Partitioning.Hourly));
    }

    [Fact]
    public void Athena_hourly_window_of_whole_days_needs_no_hour_predicate()
    {
        Assert.Equal(
            "\"day\" BETWEEN '2026/11/02' AND '2026/11/03'",
            ((AthenaSqlHelpers)Athena).PartitionPredicate(Window("2026-11-02", "2026-11-04"), Partitioning.Hourly));
    }

    [Theory]
    [InlineData(Partitioning.Daily)]
    [InlineData(Partitioning.Hourly)]
    public void DuckDb_window_bounds_start_only(Partitioning partitioning)
    {
        Assert.Equal(
            "(\"start\" >= 1793577600 AND \"start\" < 1793664000)",
            DuckDb.TimeWindowPredicate(Window("2026-11-02", "2026-11-03"), partitioning));
    }

    [Fact]
    public void Sub_second_window_end_rounds_up_so_the_bound_stays_exclusive()
    {
        var window = new TimeWindow(new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 0, 0, 0, 500, DateTimeKind.Utc));

        Assert.Contains("\"start\" < 1793577601", DuckDb.TimeWindowPredicate(window, Partitioning.Daily));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Traffic_path_labels_come_from_the_field_catalog(SqlDialect dialect)
    {
        var field = FieldCatalog.Get("traffic-path");

        var sql = SqlDialectHelpers.For(dialect).CodeLabel("\"traffic_path\"", field, "none");

        Assert.StartsWith("CASE WHEN \"traffic_path\" IS NULL THEN 'none'", sql);
        foreach (var (code, label) in field.CodedValues)
            Assert.Contains($"WHEN \"traffic_path\" = {code} THEN '{label}'", sql);
        Assert.EndsWith("ELSE 'code ' || CAST(\"traffic_path\" AS VARCHAR) END", sql);
        Assert.True(sql.IndexOf("= 1 THEN", StringComparison.Ordinal) < sql.IndexOf("= 8 THEN", StringComparison.Ordinal));
    }

    [Fact]
    public void Protocol_labels_order_codes_numerically()
    {
        var sql = Athena.CodeLabel("p", FieldCatalog.Get("protocol"), "none");

        Assert.Contains("WHEN p = 6 THEN 'TCP'", sql);
        Assert.True(sql.IndexOf("= 17 THEN", StringComparison.Ordinal) < sql.IndexOf("= 132 THEN", StringComparison.Ordinal));
        Assert.True(sql.IndexOf("= 6 THEN", StringComparison.Ordinal) < sql.IndexOf("= 17 THEN", StringComparison.Ordinal));
    }

    [Fact]
    public void String_coded_fields_compare_with_string_literals()
    {
        Assert.Contains("WHEN a = 'REJECT' THEN 'rejected'", DuckDb.CodeLabel("a", FieldCatalog.Get("action"), "none"));
    }

    [Fact]
    public void Athena_partition_predicate_uses_the_hive_day_values_on_hive_layouts()
    {
        var predicate = ((AthenaSqlHelpers)Athena).PartitionPredicate(Window("2026-11-02", "2026-11-04"), Partitioning.Daily, PrefixStyle.Hive);

        Assert.Equal("\"day\" BETWEEN 'year=2026/month=11/day=02' AND 'year=2026/month=11/day=03'", predicate);
    }
}
