using FlowLogAthena.Local;
using FlowLogAthena.Synthetic;

namespace FlowLogAthena.Reports.Tests;

/// <summary>
/// Two weeks of generated flow logs with every field (2026-11-02 to 2026-11-16, 28,000 records), and the report
/// run twice on the local engine: for the second week (the first is its previous week) and for the first week
/// (whose previous week has no logs).
/// </summary>
public sealed class GeneratedWeeks : IAsyncLifetime
{
    public static readonly FlowLogFormat AllFields = FlowLogFormat.AllVpcFields;

    public static TimeWindow SecondWeek { get; } = TimeWindow.Days(new DateOnly(2026, 11, 9), 7);

    public static TimeWindow FirstWeek { get; } = TimeWindow.Days(new DateOnly(2026, 11, 2), 7);

    public static QueryCatalog Catalog => RepositoryRoot.Catalog;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "flowlog-athena-report-tests", Guid.NewGuid().ToString("N"));

    public FlowLogSource Source => new(Path.Combine(Root, "logs"), AllFields, SourceLayout.DefaultLayout);

    public string WithPreviousFolder => Path.Combine(Root, "report-second-week");

    public string FirstWeekFolder => Path.Combine(Root, "report-first-week");

    public WeeklyReportResult WithPrevious { get; private set; } = null!;

    public WeeklyReportResult WithoutPrevious { get; private set; } = null!;

    /// <summary>What the generator wrote; its records can be enumerated again without reading the files.</summary>
    public GeneratorOptions Generation => new()
    {
        Root = Source.Root,
        Format = AllFields,
        Window = TimeWindow.Days(new DateOnly(2026, 11, 2), 14),
        Records = 28_000,
        Accounts = ["012345678901"],
        Regions = ["us-east-1"],
    };

    /// <summary>
    /// Rejected records that logged data per UTC day of their start, counted from the generator's records (not from
    /// any query): the independent check of the page's rejects per day.
    /// </summary>
    public Dictionary<DateOnly, long> RejectsPerDayFromRecords(TimeWindow window) =>
        new GeneratedLogs(Generation).RecordsIn(window)
            .Where(r => r["action"] == "REJECT" && r.LoggedData)
            .GroupBy(r => DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(r.StartUnixSeconds)))
            .ToDictionary(g => g.Key, g => (long)g.Count());

    public async Task InitializeAsync()
    {
        await FlowLogGenerator.GenerateAsync(Generation);
        WithPrevious = await RunAsync(Source, SecondWeek, WithPreviousFolder);
        WithoutPrevious = await RunAsync(Source, FirstWeek, FirstWeekFolder);
    }

    public static async Task<WeeklyReportResult> RunAsync(FlowLogSource source, TimeWindow week, string outFolder, IReadOnlyDictionary<string, string>? parameters = null,
        Core.IpRanges.AwsAddressIndex? ranges = null)
    {
        await using var table = new BoundTable(new DuckDbEngine(new DuckDbEngineOptions { MaterializeWindow = true, IpRanges = ranges is null ? null : new(ranges) }, new LocalLogFileLister()),
            source, ReportWeeks.For(week).Both)
        { Names = new Core.Names.ResourceNames(ranges) };
        return await new WeeklyReport(table, Catalog).WriteAsync(new WeeklyReportRequest
        {
            Week = week,
            OutputFolder = outFolder,
            Parameters = parameters ?? new Dictionary<string, string>(StringComparer.Ordinal),
        }, null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; the folder is under the temp root.
        }
        return Task.CompletedTask;
    }
}

/// <summary>The report tests and the browser tests share one generation and one pair of report runs.</summary>
[CollectionDefinition(Name)]
public sealed class SharedGeneratedWeeks : ICollectionFixture<GeneratedWeeks>
{
    public const string Name = "generated weeks";
}
