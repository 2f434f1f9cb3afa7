namespace FlowLogAthena.Core.Tests.Running;

public sealed class PackParametersTests
{
    private static readonly IReadOnlyList<Core.Queries.QueryDefinition> All = RepositoryRoot.Catalog.All;

    [Fact]
    public void A_parameter_no_query_of_the_pack_declares_is_refused_with_the_nearest_name()
    {
        var error = Assert.Throws<QueryParameterException>(() => PackParameters.Validate(All, new Dictionary<string, string> { ["limt"] = "5" }));

        Assert.Equal("limt", error.Parameter);
        Assert.Contains("No query of the pack has a parameter 'limt'. Did you mean 'limit'?", error.Message);
    }

    [Fact]
    public void A_value_invalid_for_a_declaring_query_is_refused_before_anything_runs_and_names_the_query()
    {
        var error = Assert.Throws<QueryParameterException>(() => PackParameters.Validate(All, new Dictionary<string, string> { ["limit"] = "0" }));

        Assert.Equal("limit", error.Parameter);
        Assert.Contains("limit", error.Message);
        Assert.Contains("declared by query '", error.Message);
    }

    [Fact]
    public void Valid_pack_wide_parameters_pass()
    {
        PackParameters.Validate(All, new Dictionary<string, string> { ["limit"] = "25" });
    }
}
