using System.Globalization;
using System.Text.RegularExpressions;
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

    /// <summary>Every octet range a network can leave (an aligned block of 2^k values) matches exactly its numbers.</summary>
    [Fact]
    public void Octet_range_patterns_match_exactly_their_numbers_without_leading_zeros()
    {
        var texts = Enumerable.Range(0, 256).Select(v => v.ToString(CultureInfo.InvariantCulture))
            .Concat(["00", "01", "007", "256", "300", "999", "1000", ""]).ToList();
        for (var bits = 0; bits <= 8; bits++)
        {
            for (var low = 0; low < 256; low += 1 << bits)
            {
                var high = low + (1 << bits) - 1;
                var pattern = DuckDbAddressMatch.OctetRange(low, high);
                var regex = new Regex($"^{pattern}$");
                var wrong = texts.Where(t => regex.IsMatch(t) != InRange(t, low, high)).ToList();
                Assert.True(wrong.Count == 0, $"{low}-{high} ({pattern}): {string.Join(", ", wrong)}");
            }
        }
    }

    private static bool InRange(string text, int low, int high) =>
        text.Length > 0 && (text == "0" || text[0] != '0') && int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= low && value <= high;

    [Fact]
    public void DuckDb_ipv4_host_network_is_a_text_comparison()
    {
        Assert.Equal("COALESCE(\"srcaddr\" = '10.1.2.3', FALSE)", DuckDb.CidrMatch("\"srcaddr\"", [Net("10.1.2.3/32")]));
        Assert.Equal("COALESCE(\"srcaddr\" IN ('10.1.2.3', '10.1.2.4'), FALSE)",
            DuckDb.CidrMatch("\"srcaddr\"", [Net("10.1.2.3/32"), Net("10.1.2.4/32"), Net("10.1.2.3/32")]));
    }

    [Theory]
    [InlineData("2001:db8::/32", "20010db8000000000000000000000000", "20010db8ffffffffffffffffffffffff")]
    [InlineData("::1/128", "00000000000000000000000000000001", "00000000000000000000000000000001")]
    [InlineData("2001:db8:0:0:8000::/65", "20010db8000000008000000000000000", "20010db800000000ffffffffffffffff")]
    [InlineData("::/0", "00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff")]
    [InlineData("fc00::/7", "fc000000000000000000000000000000", "fdffffffffffffffffffffffffffffff")]
    public void DuckDb_ipv6_compares_the_expanded_hex_with_the_network_bounds(string cidr, string first, string last)
    {
        var sql = DuckDb.CidrMatch("\"dstaddr\"", [Net(cidr)]);

        Assert.StartsWith($"CASE WHEN strpos(\"dstaddr\", ':') > 0 AND regexp_full_match(lower(\"dstaddr\"), '", sql);
        Assert.Contains(DuckDbAddressMatch.Ipv6Pattern, sql);
        Assert.Contains("repeat('0', 32 - len(halves[1]) - len(halves[2]))", sql);
        Assert.EndsWith($"lambda ipv6: ipv6 BETWEEN '{first}' AND '{last}')[1] ELSE FALSE END", sql);
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
        Assert.Equal(2, Occurrences(sql, "ipv6 BETWEEN"));
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
        Assert.DoesNotContain('\'', DuckDbAddressMatch.Ipv4Pattern + DuckDbAddressMatch.Ipv6Pattern + DuckDbAddressMatch.Ipv4NetworksPattern([Net("172.16.0.0/12"), Net("0.0.0.0/0")]));
        Assert.DoesNotContain('\\', DuckDbAddressMatch.Ipv4Pattern + DuckDbAddressMatch.Ipv6Pattern);
    }
}
