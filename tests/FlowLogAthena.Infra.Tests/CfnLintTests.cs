using System.ComponentModel;
using System.Diagnostics;

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
        var start = new ProcessStartInfo("cfn-lint")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--include-checks", "I", "--format", "parseable", "--" }.Concat(CfnTemplate.Files))
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"cfn-lint is not on PATH ({e.Message}); install it with `pip install cfn-lint` (scripts/test says so too).");
            return;
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout + await stderr;
            Assert.True(process.ExitCode == 0, $"cfn-lint exit {process.ExitCode}:\n{output}");
            Assert.Equal("", output.Trim());
        }
    }
}
