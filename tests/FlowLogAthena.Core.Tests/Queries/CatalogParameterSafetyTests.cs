using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// Every parameter of every shipped query, whatever its type, refuses text that tries to leave a SQL literal,
/// and says which parameter was wrong. New queries are covered the moment they land in queries/.
/// </summary>
public sealed class CatalogParameterSafetyTests
{
    private static readonly string[] Hostile =
    [
        "x' OR '1'='1",
        "1; DROP TABLE vpc_flow_logs",
        "10.0.0.1'--",
        "443) OR (1=1",
        "a\"b",
        "1/*",
        "$(id)",
    ];

    public static TheoryData<string, string> Parameters()
    {
        var data = new TheoryData<string, string>();
        foreach (var query in RepositoryRoot.Catalog.All)
            foreach (var parameter in query.Parameters)
                data.Add(query.Id, parameter.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Hostile_text_is_refused_naming_the_parameter(string queryId, string parameterName)
    {
        var parameter = RepositoryRoot.Catalog.Get(queryId).FindParameter(parameterName)!;
        foreach (var value in Hostile)
        {
            var error = Assert.Throws<QueryParameterException>(() => ParameterParser.Parse(parameter, value));
            Assert.Equal(parameterName, error.Parameter);
            Assert.Contains(parameterName, error.Message);
        }
    }
}
