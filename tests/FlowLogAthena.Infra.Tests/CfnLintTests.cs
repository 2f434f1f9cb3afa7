namespace FlowLogAthena.Infra.Tests;

/// <summary>
/// cfn-lint checks what the JSON checks here do not: every property against the resource's CloudFormation schema
/// (names, types, enums), so a misspelt property or an invalid value fails before a deploy would.
/// </summary>
public sealed class CfnLintTests
{
    [Fact]
    public async Task Templates_pass_cfn_lint_with_informational_checks()
    {
        var (exitCode, output) = await ExternalTool.RunAsync("cfn-lint",
            new[] { "--include-checks", "I", "--format", "parseable", "--" }.Concat(CfnTemplate.Files), TimeSpan.FromMinutes(2),
            "install it with `pip install cfn-lint` (scripts/test says so too).");
        Assert.True(exitCode == 0, $"cfn-lint exit {exitCode}:\n{output}");
        Assert.Equal("", output.Trim());
    }
}
