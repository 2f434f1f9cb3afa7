using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FlowLogAthena.Cli.Tests.Packaging;

/// <summary>
/// The tool as a user gets it: <c>dotnet pack</c> the CLI for this machine's platform, check what the package holds,
/// install it with <c>dotnet tool install</c> from that folder alone (no other NuGet source, so no network) and run the
/// installed command. Minutes long (a Release build of every project), so it runs alone, after this assembly's other tests.
/// </summary>
/// <remarks>
/// The pack builds into its own <c>--artifacts-path</c> under a temporary folder: restore, obj and bin of every project
/// land there, so it neither reads nor rewrites the repository's obj/ and bin/ that the test run (or a build running
/// beside it) uses. <c>--no-build</c> is no way out: the platform package is a build of its own (RuntimeIdentifier set),
/// which pack starts itself.
/// </remarks>
[Trait("Category", "Packaging")]
[Collection(PackagingRunsAlone.Name)]
public sealed class ToolPackageTests
{
    /// <summary>The most a user of one platform downloads (issue 11: at most 60 MB for Linux x64).</summary>
    private const long MaxPlatformPackageBytes = 60_000_000;

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_platform_package_installs_from_a_local_folder_and_runs()
    {
        var rid = CurrentRid();
        var repo = RepositoryRoot.Path;
        var version = RepoVersion(repo);
        var temp = Directory.CreateTempSubdirectory("flowlog-athena-pack-").FullName;
        try
        {
            var packages = Path.Combine(temp, "packages");
            var pack = await Dotnet(temp, PackTimeout,
                "pack", Path.Combine(repo, "src", "FlowLogAthena.Cli", "FlowLogAthena.Cli.csproj"),
                "-c", "Release", "-o", packages, "--artifacts-path", Path.Combine(temp, "artifacts"),
                $"-p:ToolPackageRuntimeIdentifiers={rid}", "--disable-build-servers", "--nologo");
            Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack}");

            // The pointer package names the platform package; `dotnet tool install` follows it.
            var pointer = Path.Combine(packages, $"flowlog-athena.{version}.nupkg");
            Assert.True(File.Exists(pointer), $"No {pointer}:\n{pack}");
            var settings = ReadEntry(pointer, "tools/any/any/DotnetToolSettings.xml");
            Assert.Contains($"Id=\"flowlog-athena.{rid}\"", settings);

            var platform = new FileInfo(Path.Combine(packages, $"flowlog-athena.{rid}.{version}.nupkg"));
            Assert.True(platform.Exists, $"No {platform.FullName}:\n{pack}");
            Assert.True(platform.Length <= MaxPlatformPackageBytes, $"{platform.Name} is {platform.Length:N0} bytes, over {MaxPlatformPackageBytes:N0}.");
            using (var zip = ZipFile.OpenRead(platform.FullName))
            {
                var names = zip.Entries.Select(e => e.FullName).ToList();
                var symbols = names.Where(n => Regex.IsMatch(n, @"\.(pdb|dbg|debug)$", RegexOptions.IgnoreCase)).ToList();
                Assert.True(symbols.Count == 0, "Debug symbols in the package: " + string.Join(", ", symbols));
                // Only this platform's natives, laid beside the binary; no runtimes/<other platform>/ folders.
                Assert.DoesNotContain(names, n => n.Contains("/runtimes/", StringComparison.Ordinal));
                var tool = $"tools/net10.0/{rid}/";
                Assert.Contains(names, n => n.StartsWith(tool, StringComparison.Ordinal)
                    && Path.GetFileName(n) is "libduckdb.so" or "libduckdb.dylib" or "duckdb.dll");
                Assert.Contains(tool + "queries/traffic/top-talkers.sql", names);
                Assert.DoesNotContain(names, n => n.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
            }

            var tools = Path.Combine(temp, "tools");
            var config = Path.Combine(temp, "nuget.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="packed" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            var install = await Dotnet(temp, InstallTimeout,
                "tool", "install", "flowlog-athena", "--tool-path", tools, "--configfile", config, "--version", version);
            Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install}");

            var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "flowlog-athena.exe" : "flowlog-athena");
            var versionRun = await Run(command, temp, RunTimeout, "--version");
            Assert.True(versionRun.ExitCode == 0, versionRun.ToString());
            // The informational version: Directory.Build.props's Version, then +commit when built from a git checkout.
            Assert.Matches($@"^{Regex.Escape(version)}(\+[0-9a-f]+)?$", versionRun.Stdout.Trim());

            // The query packs shipped inside the package ($FLOWLOG_ATHENA_QUERIES is cleared for the tool).
            var list = await Run(command, temp, RunTimeout, "queries", "list");
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.Contains("top-talkers", list.Stdout);
            Assert.Contains("compliance", list.Stdout);

            // DuckDB's native library loads from the platform package's layout.
            var logs = Path.Combine(temp, "logs");
            var generate = await Run(command, temp, RunTimeout, "generate", "--out", logs, "--records", "2000");
            Assert.True(generate.ExitCode == 0, generate.ToString());
            var query = await Run(command, temp, RunTimeout,
                "run", "top-talkers", "--engine", "local", "--source", logs, "--from", "2026-11-02", "--to", "2026-11-03",
                "--param", "limit=3", "--output", "csv");
            Assert.True(query.ExitCode == 0, query.ToString());
            Assert.StartsWith("srcaddr,dstaddr,bytes", query.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The portable RID of this machine, as the tool's packages are named (linux-x64, osx-arm64, win-x64, …).</summary>
    private static string CurrentRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
    }


    private static string RepoVersion(string repo) =>
        XDocument.Load(Path.Combine(repo, "Directory.Build.props")).Descendants("Version").Single().Value;

    private static string ReadEntry(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        var found = zip.GetEntry(entry) ?? throw new InvalidOperationException($"{package} has no {entry}.");
        using var reader = new StreamReader(found.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The dotnet that runs the tests (the SDK sets DOTNET_HOST_PATH for what it starts), else dotnet on PATH.</summary>
    private static Task<ProcessRun> Dotnet(string workingDirectory, TimeSpan timeout, params string[] args) =>
        Run(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", workingDirectory, timeout, args);

    private static async Task<ProcessRun> Run(string file, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // What `dotnet test` hands its test host (MSBuild's own paths and node settings) must not steer the nested
        // pack, and the installed tool must use the packs it ships.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment.Remove(QueryCatalog.RootVariable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}:\n{await stdout}\n{await stderr}");
        }
        return new ProcessRun($"{file} {string.Join(' ', args)}", process.ExitCode, await stdout, await stderr);
    }

    private sealed record ProcessRun(string Command, int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"{Command}\nexit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }
}

/// <summary>The packaging test builds the whole solution in Release: it runs alone, so it slows no timing-sensitive test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingRunsAlone
{
    public const string Name = "Packaging";
}
