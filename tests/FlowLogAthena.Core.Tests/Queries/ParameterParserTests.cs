using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

public sealed class ParameterParserTests
{
    private static QueryParameterDefinition Def(string name, QueryParameterType type, long? min = null, long? max = null,
        QueryParameterType? itemType = null, params string[] values) =>
        new() { Name = name, Type = type, Min = min, Max = max, ItemType = itemType, Values = values };

    private static QueryParameterException Refused(QueryParameterDefinition definition, string raw)
    {
        var error = Assert.Throws<QueryParameterException>(() => ParameterParser.Parse(definition, raw));
        Assert.Equal(definition.Name, error.Parameter);
        Assert.Contains($"'{definition.Name}'", error.Message);
        return error;
    }

    [Fact]
    public void Int_within_bounds_is_parsed()
    {
        var value = Assert.IsType<IntegerValue>(ParameterParser.Parse(Def("limit", QueryParameterType.Int, 1, 100000), " 25 "));

        Assert.Equal(25, value.Value);
        Assert.Equal("25", value.Canonical);
    }

    [Fact]
    public void Int_that_is_not_a_number_names_the_value_and_the_expected_range()
    {
        var error = Refused(Def("limit", QueryParameterType.Int, 1, 100000), "abc");

        Assert.Contains("'abc' is not an integer", error.Message);
        Assert.Contains("expected an integer from 1 to 100000", error.Message);
    }

    [Theory]
    [InlineData("0", "below the minimum 1")]
    [InlineData("100001", "above the maximum 100000")]
    [InlineData("99999999999999999999", "out of range")]
    [InlineData("1; DROP TABLE x", "not an integer")]
    [InlineData("1e3", "not an integer")]
    public void Int_out_of_bounds_or_malformed_is_refused(string raw, string reason)
    {
        Assert.Contains(reason, Refused(Def("limit", QueryParameterType.Int, 1, 100000), raw).Message);
    }

    [Fact]
    public void Port_above_65535_is_refused()
    {
        var error = Refused(Def("port", QueryParameterType.Port), "70000");

        Assert.Contains("'70000'", error.Message);
        Assert.Contains("0 to 65535", error.Message);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("443", 443)]
    [InlineData("65535", 65535)]
    public void Port_in_range_is_parsed(string raw, long expected)
    {
        Assert.Equal(expected, Assert.IsType<IntegerValue>(ParameterParser.Parse(Def("port", QueryParameterType.Port), raw)).Value);
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("2001:0db8::0001", "2001:db8::1")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    [InlineData("::FFFF:c0a8:14d", "192.168.1.77")]
    public void Ip_is_canonicalised(string raw, string canonical)
    {
        Assert.Equal(canonical, ParameterParser.Parse(Def("address", QueryParameterType.Ip), raw).Canonical);
    }

    [Theory]
    [InlineData("10.1")]
    [InlineData("1")]
    [InlineData("010.0.0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("host.example")]
    public void Ip_forms_nobody_means_are_refused(string raw)
    {
        Assert.Contains("not an IPv4 or IPv6 address", Refused(Def("address", QueryParameterType.Ip), raw).Message);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("10.1.2.3/8", "10.0.0.0/8")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("192.168.1.77/32", "192.168.1.77/32")]
    [InlineData("2001:DB8:1::/32", "2001:db8::/32")]
    [InlineData("::/0", "::/0")]
    [InlineData("2001:db8::1/128", "2001:db8::1/128")]
    [InlineData("10.0.0.7", "10.0.0.7/32")]
    [InlineData("2001:DB8::7", "2001:db8::7/128")]
    [InlineData("::ffff:10.0.0.0/104", "10.0.0.0/8")]
    [InlineData("::FFFF:192.168.1.77/128", "192.168.1.77/32")]
    [InlineData("::ffff:0.0.0.0/96", "0.0.0.0/0")]
    [InlineData("::ffff:10.0.0.7", "10.0.0.7/32")]
    [InlineData("::ffff:a00:0/104", "10.0.0.0/8")]
    [InlineData("::ffff:10.0.0.0/80", "::/80")]
    public void Cidr_is_canonicalised_with_host_bits_cleared(string raw, string canonical)
    {
        Assert.Equal(canonical, ParameterParser.Parse(Def("network", QueryParameterType.Cidr), raw).Canonical);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "/0 to /32")]
    [InlineData("2001:db8::/129", "/0 to /128")]
    [InlineData("10.0.0", "address/prefix")]
    [InlineData("host.example", "address/prefix")]
    [InlineData("10.0.0.0/-1", "IPv4 network allows")]
    [InlineData("10.0.0/8", "not an IPv4 or IPv6 address")]
    public void Bad_cidr_is_refused_saying_why(string raw, string reason)
    {
        var error = Refused(Def("network", QueryParameterType.Cidr), raw);

        Assert.Contains($"'{raw}'", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Enum_matches_case_insensitively_and_keeps_the_declared_spelling()
    {
        var definition = Def("action", QueryParameterType.Enum, values: ["ACCEPT", "REJECT"]);

        Assert.Equal("REJECT", ParameterParser.Parse(definition, "reject").Canonical);
        Assert.Contains("expected one of ACCEPT, REJECT", Refused(definition, "DROP").Message);
    }

    [Theory]
    [InlineData("it's", "contains a quote")]
    [InlineData("a\"b", "contains a double quote")]
    [InlineData("a\\b", "contains a backslash")]
    [InlineData("a\nb", "control character (U+000A)")]
    [InlineData("x'; DROP TABLE y; --", "contains a quote")]
    [InlineData("a;b", "contains ';'")]
    [InlineData("50%", "contains '%'")]
    [InlineData("café", "contains 'é'")]
    public void String_outside_the_safe_charset_is_refused(string raw, string reason)
    {
        Assert.Contains(reason, Refused(Def("name", QueryParameterType.String), raw).Message);
    }

    [Fact]
    public void String_in_the_safe_charset_is_kept()
    {
        Assert.Equal("web-01 prod:a/b@c+d=e_f.g", ParameterParser.Parse(Def("name", QueryParameterType.String), "web-01 prod:a/b@c+d=e_f.g").Canonical);
    }

    [Fact]
    public void Overlong_string_is_refused()
    {
        Assert.Contains("longer than 256", Refused(Def("name", QueryParameterType.String), new string('a', 257)).Message);
    }

    [Fact]
    public void Control_characters_are_escaped_in_the_message()
    {
        var error = Refused(Def("name", QueryParameterType.String), "a\u001bb");

        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("a\\u001Bb", error.Message);
    }

    [Fact]
    public void List_items_are_parsed_with_the_item_type()
    {
        var value = Assert.IsType<ListValue>(ParameterParser.Parse(Def("ports", QueryParameterType.List, itemType: QueryParameterType.Port), "22, 3389,443"));

        Assert.Equal([22L, 3389L, 443L], value.Items.Cast<IntegerValue>().Select(i => i.Value));
        Assert.Equal("22,3389,443", value.Canonical);
    }

    [Fact]
    public void Bad_list_item_names_its_position()
    {
        var error = Refused(Def("networks", QueryParameterType.List, itemType: QueryParameterType.Cidr), "10.0.0.0/8,10.0.0.0/33");

        Assert.Contains("item 2 '10.0.0.0/33'", error.Message);
        Assert.Contains("a comma-separated list of a CIDR block", error.Message);
    }

    [Fact]
    public void Empty_list_item_is_refused()
    {
        Assert.Contains("item 2 '' that is empty", Refused(Def("ports", QueryParameterType.List, itemType: QueryParameterType.Port), "22,,80").Message);
    }

    [Fact]
    public void Empty_value_is_refused()
    {
        Assert.Contains("is empty", Refused(Def("limit", QueryParameterType.Int), "  ").Message);
    }

    [Fact]
    public void Date_is_parsed_as_a_calendar_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 2), Assert.IsType<DateValue>(ParameterParser.Parse(Def("day", QueryParameterType.Date), "2026-11-02")).Value);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("02/11/2026")]
    public void Date_that_is_not_a_real_yyyy_MM_dd_day_is_refused(string raw)
    {
        Assert.Contains("not a date", Refused(Def("day", QueryParameterType.Date), raw).Message);
    }

    [Theory]
    [InlineData("2026-11-02T13:00:00Z", 1793624400)]
    [InlineData("2026-11-02T14:00:00+01:00", 1793624400)]
    [InlineData("2026-11-02", 1793577600)]
    [InlineData("1793624400", 1793624400)]
    public void Timestamp_accepts_iso_dates_and_unix_seconds(string raw, long unixSeconds)
    {
        var value = Assert.IsType<TimestampValue>(ParameterParser.Parse(Def("at", QueryParameterType.Timestamp), raw));

        Assert.Equal(unixSeconds, value.UnixSeconds);
    }

    [Fact]
    public void Timestamp_that_does_not_parse_is_refused()
    {
        Assert.Contains("not a timestamp", Refused(Def("at", QueryParameterType.Timestamp), "yesterday").Message);
    }
}
