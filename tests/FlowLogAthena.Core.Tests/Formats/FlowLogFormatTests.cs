namespace FlowLogAthena.Core.Tests.Formats;

public class FlowLogFormatTests
{
    [Fact]
    public void Blank_format_is_the_AWS_default_of_14_version_2_fields()
    {
        var format = FlowLogFormat.Parse("  ");
        Assert.Equal(14, format.Fields.Count);
        Assert.Equal("version", format.Fields[0].Name);
        Assert.Equal("log-status", format.Fields[^1].Name);
        Assert.Equal(2, format.RecordVersion);
    }

    [Fact]
    public void Custom_format_keeps_the_order_and_reports_the_highest_version()
    {
        var format = FlowLogFormat.Parse("${srcaddr}  ${dstaddr} ${traffic-path}\t${bytes}");
        Assert.Equal(["srcaddr", "dstaddr", "traffic-path", "bytes"], format.Fields.Select(f => f.Name));
        Assert.Equal(5, format.RecordVersion);
        Assert.Equal("${srcaddr} ${dstaddr} ${traffic-path} ${bytes}", format.FormatString);
        Assert.Equal(2, format.IndexOf("traffic-path"));
        Assert.True(format.Contains("bytes"));
        Assert.False(format.Contains("packets"));
    }

    [Fact]
    public void Unknown_field_is_named_with_a_suggestion()
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse("${version} ${srcadr}"));
        Assert.Contains("'srcadr'", error.Message);
        Assert.Contains("Did you mean 'srcaddr'", error.Message);
    }

    [Fact]
    public void Drop_cause_misconception_points_to_reject_reason()
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse("${drop-cause}"));
        Assert.Contains("AWS documents no drop-cause field", error.Message);
        Assert.Contains("reject-reason", error.Message);
    }

    [Fact]
    public void Repeated_field_is_refused_with_its_position()
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse("${srcaddr} ${dstaddr} ${srcaddr}"));
        Assert.Contains("'srcaddr' appears more than once", error.Message);
        Assert.Contains("token 3", error.Message);
    }

    [Theory]
    [InlineData("srcaddr dstaddr")]
    [InlineData("${srcaddr}${dstaddr}")]
    [InlineData("$srcaddr")]
    [InlineData("${srcaddr")]
    public void Malformed_tokens_are_named(string format)
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse(format));
        Assert.Contains("not of the form ${field-name}", error.Message);
    }

    [Fact]
    public void Every_catalog_field_parses()
    {
        var all = FlowLogFormat.AllVpcFields.FormatString;
        var format = FlowLogFormat.Parse(all);
        Assert.Equal(54, format.Fields.Count);
        Assert.Equal(11, format.RecordVersion);
        Assert.Equal(FlowLogKind.Vpc, format.Kind);
    }

    [Fact]
    public void A_transit_gateway_field_makes_a_transit_gateway_format()
    {
        var format = FlowLogFormat.Parse(FlowLogFormat.TransitGatewayDefault.FormatString);

        Assert.Equal(36, format.Fields.Count);
        Assert.Equal(FlowLogKind.TransitGateway, format.Kind);
        Assert.Equal(6, format.RecordVersion);
        Assert.Equal(FlowLogKind.TransitGateway, FlowLogFormat.Parse("${srcaddr} ${dstaddr} ${packets-lost-blackhole}").Kind);
    }

    [Theory]
    [InlineData("${version} ${srcaddr} ${dstaddr} ${bytes}")]
    [InlineData("${version} ${account-id} ${tcp-flags} ${region} ${flow-direction}")]
    public void A_format_of_shared_fields_alone_reads_as_a_vpc_flow_log(string text)
    {
        Assert.Equal(FlowLogKind.Vpc, FlowLogFormat.Parse(text).Kind);
    }

    [Theory]
    [InlineData("${srcaddr} ${action} ${tgw-id}", "'action', a field only VPC flow logs have, with 'tgw-id'")]
    [InlineData("${tgw-attachment-id} ${interface-id} ${bytes}", "'interface-id', a field only VPC flow logs have, with 'tgw-attachment-id'")]
    public void A_format_mixing_the_two_kinds_own_fields_is_refused_naming_both(string text, string expected)
    {
        var error = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.Contains("a flow log is one or the other", error.Message);
    }
}
