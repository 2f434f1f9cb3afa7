using FlowLogAthena.Aws.Athena.Results;

namespace FlowLogAthena.Aws.Tests.Athena;

public sealed class AthenaValuesAndCostTests
{
    [Theory]
    [InlineData("bigint", "9007199254740993", 9007199254740993L)]
    [InlineData("integer", "-42", -42)]
    [InlineData("smallint", "7", (short)7)]
    [InlineData("tinyint", "-3", (sbyte)-3)]
    [InlineData("double", "1.5E10", 1.5e10)]
    [InlineData("real", "0.5", 0.5f)]
    [InlineData("boolean", "true", true)]
    [InlineData("varchar", "10.0.0.1", "10.0.0.1")]
    [InlineData("ipaddress", "2600:1f18::1", "2600:1f18::1")]
    [InlineData("array(varchar)", "[a, b]", "[a, b]")]
    public void Parses_athena_text_by_type(string type, string text, object expected)
    {
        var column = AthenaValueParser.Column("c", type);

        Assert.Equal(expected, AthenaValueParser.Parse(column, text));
        Assert.Equal(expected.GetType(), column.ClrType);
    }

    [Fact]
    public void Parses_decimals_dates_and_timestamps()
    {
        Assert.Equal(12.34m, AthenaValueParser.Parse(AthenaValueParser.Column("c", "decimal(10,2)"), "12.34"));
        Assert.Equal(new DateOnly(2026, 11, 2), AthenaValueParser.Parse(AthenaValueParser.Column("c", "date"), "2026-11-02"));
        var timestamp = (DateTime)AthenaValueParser.Parse(AthenaValueParser.Column("c", "timestamp(3)"), "2026-11-02 10:15:30.123")!;
        Assert.Equal(new DateTime(2026, 11, 2, 10, 15, 30, 123, DateTimeKind.Utc), timestamp);
        Assert.Equal(DateTimeKind.Utc, timestamp.Kind);
        Assert.Equal(new DateTime(2026, 11, 2, 10, 15, 30, DateTimeKind.Utc).AddTicks(1234567),
            AthenaValueParser.Parse(AthenaValueParser.Column("c", "timestamp(9)"), "2026-11-02 10:15:30.123456789"));
        Assert.Equal(typeof(string), AthenaValueParser.Column("c", "timestamp(3) with time zone").ClrType);
    }

    [Fact]
    public void Null_stays_null_and_empty_non_text_is_null()
    {
        Assert.Null(AthenaValueParser.Parse(AthenaValueParser.Column("c", "bigint"), null));
        Assert.Null(AthenaValueParser.Parse(AthenaValueParser.Column("c", "bigint"), ""));
        Assert.Equal("", AthenaValueParser.Parse(AthenaValueParser.Column("c", "varchar"), ""));
    }

    [Fact]
    public void A_bad_value_names_the_column()
    {
        var error = Assert.Throws<FormatException>(() => AthenaValueParser.Parse(AthenaValueParser.Column("bytes", "bigint"), "lots"));
        Assert.Contains("bytes", error.Message);
    }

    [Fact]
    public void Cost_is_5_dollars_a_terabyte_rounded_up_to_megabytes_with_a_10_megabyte_minimum()
    {
        const long mb = 1 << 20;
        Assert.Equal(5m, AthenaCost.EstimateUsd(1L << 40));
        Assert.Equal(10 * 5m / (1 << 20), AthenaCost.EstimateUsd(0));
        Assert.Equal(10 * 5m / (1 << 20), AthenaCost.EstimateUsd(10 * mb));
        Assert.Equal(11 * 5m / (1 << 20), AthenaCost.EstimateUsd(10 * mb + 1));
        Assert.Equal(0m, AthenaCost.EstimateUsd(5 * mb, "DDL"));
    }
}
