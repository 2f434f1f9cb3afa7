using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// CIDR helper output. Semantics (checked against a C# reference on 700 addresses in DuckDB while writing it):
/// TRUE only for text that is an address of the network's family inside it; NULL, '-' and other text are FALSE.
/// </summary>
public sealed class CidrMatchTests
{
    private static readonly SqlDialectHelpers Athena = SqlDialectHelpers.For(SqlDialect.Athena);
    private static readonly SqlDialectHelpers DuckDb = SqlDialectHelpers.For(SqlDialect.DuckDb);

    private static IpNetwork Net(string text) => IpNetwork.TryParse(text, out var network) ? network : throw new ArgumentException(text);

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    public void Athena_uses_trino_contains_on_a_try_cast_address(string cidr)
    {
        Assert.Equal(
            $"COALESCE(contains('{cidr}', TRY_CAST(\"srcaddr\" AS IPADDRESS)), FALSE)",
            Athena.CidrMatch("\"srcaddr\"", [Net(cidr)]));
    }

    [Theory]
    [InlineData("10.0.0.0/8", 167772160, 184549375, "\"srcaddr\" LIKE '10.%' AND ")]
    [InlineData("0.0.0.0/0", 0, 4294967295, "")]
    [InlineData("192.168.0.0/17", 3232235520, 3232268287, "\"srcaddr\" LIKE '192.168.%' AND ")]
    [InlineData("10.1.2.0/31", 167838208, 167838209, "\"srcaddr\" LIKE '10.1.2.%' AND ")]
    public void DuckDb_ipv4_compares_the_dotted_quad_as_an_integer_with_the_network_bounds(string cidr, long first, long last, string prefilter)
    {
        var sql = DuckDb.CidrMatch("\"srcaddr\"", [Net(cidr)]);

        Assert.StartsWith($"COALESCE((CASE WHEN {prefilter}regexp_full_match(\"srcaddr\", '", sql);
        Assert.Contains(DuckDbAddressMatch.Ipv4Pattern, sql);
        Assert.Contains("CAST(split_part(\"srcaddr\", '.', 1) AS BIGINT) * 16777216 + CAST(split_part(\"srcaddr\", '.', 2) AS BIGINT) * 65536"
            + " + CAST(split_part(\"srcaddr\", '.', 3) AS BIGINT) * 256 + CAST(split_part(\"srcaddr\", '.', 4) AS BIGINT) END)", sql);
        Assert.EndsWith($" BETWEEN {first} AND {last}, FALSE)", sql);
    }

    [Fact]
    public void DuckDb_ipv4_host_network_is_a_text_comparison()
    {
        Assert.Equal("COALESCE(\"srcaddr\" = '10.1.2.3', FALSE)", DuckDb.CidrMatch("\"srcaddr\"", [Net("10.1.2.3/32")]));
    }

    [Theory]
    [InlineData("2001:db8::/32", "20010db8000000000000000000000000", "20010db8ffffffffffffffffffffffff", " AND COALESCE(TRY_CAST('0x' || split_part(\"dstaddr\", ':', 1) AS INTEGER), 0) = 8193")]
    [InlineData("::1/128", "00000000000000000000000000000001", "00000000000000000000000000000001", " AND COALESCE(TRY_CAST('0x' || split_part(\"dstaddr\", ':', 1) AS INTEGER), 0) = 0")]
    [InlineData("2001:db8:0:0:8000::/65", "20010db8000000008000000000000000", "20010db800000000ffffffffffffffff", " AND COALESCE(TRY_CAST('0x' || split_part(\"dstaddr\", ':', 1) AS INTEGER), 0) = 8193")]
    [InlineData("::/0", "00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff", "")]
    [InlineData("fc00::/7", "fc000000000000000000000000000000", "fdffffffffffffffffffffffffffffff", " AND COALESCE(TRY_CAST('0x' || split_part(\"dstaddr\", ':', 1) AS INTEGER), 0) BETWEEN 64512 AND 65023")]
    public void DuckDb_ipv6_compares_the_expanded_hex_with_the_network_bounds(string cidr, string first, string last, string firstGroupPrefilter)
    {
        var sql = DuckDb.CidrMatch("\"dstaddr\"", [Net(cidr)]);

        Assert.StartsWith($"COALESCE((CASE WHEN strpos(\"dstaddr\", ':') > 0{firstGroupPrefilter} AND regexp_full_match(lower(\"dstaddr\"), '", sql);
        Assert.Contains(DuckDbAddressMatch.Ipv6Pattern, sql);
        Assert.Contains("repeat('0:', 8 - len(regexp_extract_all(lower(\"dstaddr\"), '[0-9a-f]+')))", sql);
        Assert.Contains("lpad(split_part(trim(replace(lower(\"dstaddr\"), '::',", sql);
        Assert.Contains("':', 8), 4, '0') END)", sql);
        Assert.EndsWith($" BETWEEN '{first}' AND '{last}', FALSE)", sql);
    }

    [Fact]
    public void Ipv6_network_bounds_are_the_first_and_last_address()
    {
        var network = Net("2001:db8:0:0:8000::/65");

        Assert.Equal("2001:db8:0:0:8000::", network.Network.ToString());
        Assert.Equal("2001:db8::ffff:ffff:ffff:ffff", network.LastAddress.ToString());
        Assert.True(network.Contains(System.Net.IPAddress.Parse("2001:db8::ffff:0:0:1")));
        Assert.False(network.Contains(System.Net.IPAddress.Parse("2001:db8::7fff:0:0:1")));
        Assert.False(network.Contains(System.Net.IPAddress.Parse("10.0.0.1")));
    }

    [Theory]
    [MemberData(nameof(SqlDialectHelpersTests.Dialects), MemberType = typeof(SqlDialectHelpersTests))]
    public void Several_networks_are_ored_in_parentheses(SqlDialect dialect)
    {
        var sql = SqlDialectHelpers.For(dialect);

        var match = sql.CidrMatch("a", [Net("10.0.0.0/8"), Net("2001:db8::/32")]);

        Assert.Equal($"({sql.CidrMatch("a", [Net("10.0.0.0/8")])} OR {sql.CidrMatch("a", [Net("2001:db8::/32")])})", match);
    }

    [Fact]
    public void Regex_patterns_hold_no_quote_or_backslash_so_they_sit_safely_in_a_literal()
    {
        Assert.DoesNotContain('\'', DuckDbAddressMatch.Ipv4Pattern + DuckDbAddressMatch.Ipv6Pattern);
        Assert.DoesNotContain('\\', DuckDbAddressMatch.Ipv4Pattern + DuckDbAddressMatch.Ipv6Pattern);
    }
}
