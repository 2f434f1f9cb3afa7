using System.Globalization;
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
    [InlineData("10.0.0.0/8", "10[.]{0}[.]{0}[.]{0}")]
    [InlineData("0.0.0.0/0", "{0}[.]{0}[.]{0}[.]{0}")]
    [InlineData("192.168.0.0/17", "192[.]168[.]([0-9]|[1-9][0-9]|1([0-1][0-9]|2[0-7]))[.]{0}")]
    [InlineData("172.16.0.0/12", "172[.](1[6-9]|2[0-9]|3[0-1])[.]{0}[.]{0}")]
    [InlineData("10.1.2.0/31", "10[.]1[.]2[.]([0-1])")]
    [InlineData("10.1.2.254/31", "10[.]1[.]2[.](25[4-5])")]
    public void DuckDb_ipv4_matches_the_dotted_quad_text_against_the_network_pattern(string cidr, string pattern)
    {
        var sql = DuckDb.CidrMatch("\"srcaddr\"", [Net(cidr)]);

        Assert.Equal($"COALESCE(regexp_full_match(\"srcaddr\", '{string.Format(CultureInfo.InvariantCulture, pattern, "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])")}'), FALSE)", sql);
    }

    [Fact]
    public void DuckDb_ipv4_host_network_is_a_text_comparison()
    {
        Assert.Equal("COALESCE(\"srcaddr\" = '10.1.2.3', FALSE)", DuckDb.CidrMatch("\"srcaddr\"", [Net("10.1.2.3/32")]));
        Assert.Equal("COALESCE(\"srcaddr\" IN ('10.1.2.3', '10.1.2.4'), FALSE)",
            DuckDb.CidrMatch("\"srcaddr\"", [Net("10.1.2.3/32"), Net("10.1.2.4/32"), Net("10.1.2.3/32")]));
    }

    [Theory]
    [InlineData("2001:db8::/32", "0*2001:0*db8:.*")]
    [InlineData("fc00::/7", "0*(f[c-d][0-9a-f][0-9a-f]):.*")]
    public void DuckDb_ipv6_matches_the_lower_case_text_of_an_address_against_the_network_pattern(string cidr, string pattern)
    {
        var sql = DuckDb.CidrMatch("\"dstaddr\"", [Net(cidr)]);

        Assert.Equal($"COALESCE(strpos(\"dstaddr\", ':') > 0 AND regexp_full_match(lower(\"dstaddr\"), '{DuckDbAddressMatch.Ipv6Pattern}')"
            + $" AND regexp_full_match(lower(\"dstaddr\"), '{pattern}'), FALSE)", sql);
    }

    [Fact]
    public void DuckDb_ipv6_everything_network_only_checks_the_text_is_an_ipv6_address()
    {
        Assert.Equal($"COALESCE(strpos(\"dstaddr\", ':') > 0 AND regexp_full_match(lower(\"dstaddr\"), '{DuckDbAddressMatch.Ipv6Pattern}'), FALSE)",
            DuckDb.CidrMatch("\"dstaddr\"", [Net("::/0"), Net("2001:db8::/32")]));
    }

    [Fact]
    public void DuckDb_matches_a_whole_list_with_one_regex_per_family()
    {
        var networks = Enumerable.Range(1, 30).Select(i => Net($"{i}.0.0.0/8"))
            .Concat([Net("2001:db8::/32"), Net("2600:1f18::/32"), Net("10.1.2.3/32"), Net("3.0.0.0/8")]).ToList();

        var sql = DuckDb.CidrMatch("\"dstaddr\"", networks);

        Assert.Equal(1, Occurrences(sql, "regexp_full_match(\"dstaddr\""));
        Assert.Equal(1, Occurrences(sql, DuckDbAddressMatch.Ipv6Pattern));
        Assert.Equal(1, Occurrences(sql, "|3[.]"));
        Assert.Equal(2, Occurrences(sql, "regexp_full_match(lower(\"dstaddr\")"));
        Assert.Contains("'(0*2001:0*db8:.*|0*2600:0*1f18:.*)'", sql);
        Assert.StartsWith("(COALESCE(\"dstaddr\" = '10.1.2.3', FALSE) OR COALESCE(regexp_full_match(\"dstaddr\", '(1[.]", sql);
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

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

    [Fact]
    public void Athena_ors_several_networks_in_parentheses()
    {
        var match = Athena.CidrMatch("a", [Net("10.0.0.0/8"), Net("2001:db8::/32")]);

        Assert.Equal($"({Athena.CidrMatch("a", [Net("10.0.0.0/8")])} OR {Athena.CidrMatch("a", [Net("2001:db8::/32")])})", match);
    }

    [Fact]
    public void Regex_patterns_hold_no_quote_or_backslash_so_they_sit_safely_in_a_literal()
    {
        var patterns = DuckDbAddressMatch.Ipv4Pattern + DuckDbAddressMatch.Ipv6Pattern
            + AddressTextPatterns.Ipv4Networks([Net("172.16.0.0/12"), Net("0.0.0.0/0")]) + AddressTextPatterns.Ipv6Networks([Net("::1/128"), Net("fc00::/7")]);
        Assert.DoesNotContain('\'', patterns);
        Assert.DoesNotContain('\\', patterns);
    }
}
