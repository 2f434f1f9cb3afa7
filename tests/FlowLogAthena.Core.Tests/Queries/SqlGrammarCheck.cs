using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>The dt-sql-parser grammar a statement is checked with.</summary>
internal enum SqlGrammar
{
    /// <summary>Athena queries and CTAS (engine v3 is Trino).</summary>
    Trino,

    /// <summary>Athena DDL, which runs in Hive's dialect.</summary>
    Hive,
}

/// <summary>
/// Runs the repository's SQL grammar check, <c>tests/sqlcheck/dist/check.cjs</c> (dt-sql-parser's TrinoSQL and
/// HiveSQL parsers, installed and bundled by <c>scripts/test</c>), over many statements in one <c>node</c> process,
/// each with its own grammar. When node or the bundle is missing it throws, so the tests that use it fail
/// instead of skipping.
/// </summary>
internal static class SqlGrammarCheck
{
    public const string HowToPrepare =
        "Run ./scripts/test, which installs tests/sqlcheck with npm ci and bundles dist/check.cjs "
        + "(or run `npm ci && npm run build` in tests/sqlcheck).";

    /// <summary>The bundled check script in this repository.</summary>
    public static string RepoScript { get; } =
        Path.Combine(Path.GetDirectoryName(RepositoryRoot.Queries)!, "tests", "sqlcheck", "dist", "check.cjs");

    // Generous: a few seconds alone, but CI runs every test project at once on two cores.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="ParametersOnlyInWhere">Also fail on an execution parameter (<c>?</c>) outside a WHERE clause (Trino only).</param>
    public sealed record Statement(string Name, string Sql, SqlGrammar Grammar, bool ParametersOnlyInWhere = false);

    /// <summary>The script's exit code (0 all parse, 1 some fail, 2 bad input) and its stdout then stderr.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>The output without its "ok" lines: each failing statement with its first error, and the summary.</summary>
        public string Problems => string.Join('\n', Output.Split('\n').Where(line => !line.StartsWith("ok ", StringComparison.Ordinal)));
    }

    /// <param name="script">The check script; the repository's by default.</param>
    /// <param name="searchPath">Where to look for node; the PATH environment variable by default.</param>
    public static async Task<Result> RunAsync(IReadOnlyList<Statement> statements, string? script = null, string? searchPath = null)
    {
        script ??= RepoScript;
        var node = FindNode(searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            ?? throw new InvalidOperationException($"The SQL grammar check needs node, and none is on PATH. {HowToPrepare}");
        if (!File.Exists(script))
            throw new InvalidOperationException($"The SQL grammar check {script} is not built. {HowToPrepare}");

        var start = new ProcessStartInfo(node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);

        var input = statements.Select(s => new { s.Name, s.Sql, Parser = s.Grammar.ToString().ToLowerInvariant(), s.ParametersOnlyInWhere });
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input, Json).AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, (await stdout + await stderr).TrimEnd());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The SQL grammar check ({node} {script}) did not finish within {Timeout.TotalSeconds:0} s.");
        }
    }

    private static string? FindNode(string searchPath)
    {
        var name = OperatingSystem.IsWindows() ? "node.exe" : "node";
        return searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
