using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

public sealed class ParameterBinderTests
{
    private static readonly Lazy<Core.Queries.QueryDefinition> Query = new(() => QueryText.WithBody("SELECT 1", """
        parameters:
          - name: limit
            type: int
            default: 10
            min: 1
            max: 100
          - name: network
            type: cidr
            required: true
          - name: port
            type: port
        """));

    private static BoundParameters Bind(params (string Name, string Value)[] raw) =>
        ParameterBinder.Bind(Query.Value, raw.ToDictionary(r => r.Name, r => r.Value));

    [Fact]
    public void Defaults_apply_when_absent_and_optional_ones_stay_absent()
    {
        var bound = Bind(("network", "10.0.0.0/8"));

        Assert.Equal("10", bound.Canonical["limit"]);
        Assert.Equal("10.0.0.0/8", bound.Canonical["network"]);
        Assert.False(bound.TryGet("port", out _));
    }

    [Fact]
    public void Given_values_replace_defaults_in_canonical_form()
    {
        var bound = Bind(("network", "10.9.9.9/16"), ("limit", "5"), ("port", "443"));

        Assert.Equal(new Dictionary<string, string> { ["limit"] = "5", ["network"] = "10.9.0.0/16", ["port"] = "443" }, bound.Canonical);
    }

    [Fact]
    public void Unknown_parameter_suggests_the_nearest_and_lists_the_parameters()
    {
        var error = Assert.Throws<QueryParameterException>(() => Bind(("network", "10.0.0.0/8"), ("limt", "5")));

        Assert.Equal("limt", error.Parameter);
        Assert.Contains("has no parameter 'limt'", error.Message);
        Assert.Contains("Did you mean 'limit'?", error.Message);
        Assert.Contains("limit, network, port", error.Message);
    }

    [Fact]
    public void Missing_required_parameter_is_named_with_what_it_expects()
    {
        var error = Assert.Throws<QueryParameterException>(() => Bind(("limit", "5")));

        Assert.Equal("network", error.Parameter);
        Assert.Contains("needs parameter 'network'", error.Message);
        Assert.Contains("CIDR block", error.Message);
        Assert.Contains("--param network=", error.Message);
    }

    [Fact]
    public void Query_without_parameters_refuses_any()
    {
        var query = QueryText.WithBody("SELECT 1");

        var error = Assert.Throws<QueryParameterException>(() =>
            ParameterBinder.Bind(query, new Dictionary<string, string> { ["limit"] = "5" }));

        Assert.Contains("takes no parameters", error.Message);
    }
}
