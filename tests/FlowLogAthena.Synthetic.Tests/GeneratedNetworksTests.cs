using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class GeneratedNetworksTests
{
    private static readonly IReadOnlyDictionary<string, string> Documented = GeneratedNetworks.ComplianceParameters(["us-east-1", "eu-west-1"]);

    [Fact]
    public void The_compliance_parameters_for_the_generated_data_are_the_ones_queries_README_documents()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Queries, "README.md"));

        Assert.Equal(["allowed_admin_cidrs", "allowed_egress_cidrs", "forbidden_cidrs", "internal_cidrs"], Documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(Documented, p => Assert.Contains($"--param {p.Key}={p.Value}\n", readme));
    }

    [Fact]
    public void Every_documented_value_is_valid_for_every_compliance_control_that_declares_it()
    {
        foreach (var query in RepositoryRoot.Catalog.InPack("compliance"))
        {
            var own = Documented.Where(p => query.FindParameter(p.Key) is not null).ToDictionary(p => p.Key, p => p.Value);
            var bound = ParameterBinder.Bind(query, own);
            Assert.All(own.Keys, name => Assert.True(bound.TryGet(name, out _), $"{query.Id}: {name}"));
        }
        Assert.Contains("2600:1f18::/32", Documented["internal_cidrs"]); // us-east-1's VPC IPv6 block
        Assert.Contains("2a05:d018::/32", Documented["internal_cidrs"]);
        Assert.DoesNotContain(GeneratedNetworks.Forbidden, Documented["allowed_egress_cidrs"]);
        Assert.DoesNotContain(GeneratedNetworks.UnapprovedEgress, Documented["allowed_egress_cidrs"]);
    }
}
