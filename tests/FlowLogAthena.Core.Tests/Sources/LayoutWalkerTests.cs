namespace FlowLogAthena.Core.Tests.Sources;

/// <summary>The one layout walk over a store that is only a set of keys, recording every listing it is asked for.</summary>
public sealed class LayoutWalkerTests
{
    private static readonly SourceLayout Default = SourceLayout.DefaultLayout;
    private static readonly TimeWindow TwoDays = TimeWindow.Parse("2026-11-02", "2026-11-04");

    private static FlowLogSource Source(SourceLayout layout, string? flowLogId = null) => new("root", FlowLogFormat.Default, layout, flowLogId);

    [Fact]
    public async Task Lists_only_the_windows_partitions_and_never_lists_another()
    {
        var store = new KeyStore();
        foreach (var day in new[] { "01", "02", "03", "04" })
            store.Add($"AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/{day}/f{day}.log.gz");
        store.Add("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/notes.txt");

        var files = await LayoutWalker.ListAsync(store, "AWSLogs", Source(Default), TwoDays, CancellationToken.None);

        Assert.Equal(["f02.log.gz", "f03.log.gz"], files.Select(f => f.Path[(f.Path.LastIndexOf('/') + 1)..]));
        Assert.All(files, f => Assert.Equal(("012345678901", "us-east-1"), (f.Account, f.Region)));
        Assert.Equal([new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc)], files.Select(f => f.PartitionStartUtc));
        Assert.Equal(["AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02", "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/03"], store.FileListings);
    }

    [Fact]
    public async Task Hive_hourly_partitions_carry_the_hour_and_other_folder_names_are_skipped()
    {
        var store = new KeyStore();
        const string region = "AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=eu-west-1";
        store.Add($"{region}/year=2026/month=11/day=02/hour=10/a.log.parquet");
        store.Add($"{region}/year=2026/month=11/day=02/hour=11/b.log.parquet");
        store.Add("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/10/default-layout.log.parquet");
        store.Add("AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/region-us-east-1/year=2026/month=11/day=02/hour=10/c.log.parquet");
        var layout = new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet);

        var files = await LayoutWalker.ListAsync(store, "AWSLogs", Source(layout), TimeWindow.Parse("2026-11-02T10:30:00Z", "2026-11-02T12:00:00Z"), CancellationToken.None);

        Assert.Equal([$"{region}/year=2026/month=11/day=02/hour=10/a.log.parquet", $"{region}/year=2026/month=11/day=02/hour=11/b.log.parquet"], files.Select(f => f.Path));
        Assert.All(files, f => Assert.Equal(("012345678901", "eu-west-1"), (f.Account, f.Region)));
        Assert.Equal([10, 11], files.Select(f => f.PartitionStartUtc.Hour));
    }

    [Fact]
    public async Task No_account_folder_with_the_service_folder_is_the_stores_own_message()
    {
        var store = new KeyStore();
        store.Add("AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=02/a.log.gz");
        store.Add("AWSLogs/012345678901/elasticloadbalancing/us-east-1/2026/11/02/a.log.gz");

        var error = await Assert.ThrowsAsync<SourceException>(() => LayoutWalker.ListAsync(store, "AWSLogs", Source(Default), TwoDays, CancellationToken.None));

        Assert.Equal("no default flow logs", error.Message);
    }

    [Fact]
    public async Task An_account_whose_window_is_empty_is_no_error()
    {
        var store = new KeyStore();
        store.Add("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/10/02/a.log.gz");

        Assert.Empty(await LayoutWalker.ListAsync(store, "AWSLogs", Source(Default), TwoDays, CancellationToken.None));
    }

    [Fact]
    public async Task A_chosen_flow_log_lists_only_the_files_named_with_its_id()
    {
        var store = new KeyStore();
        const string day = "AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02";
        store.Add($"{day}/012345678901_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0005Z_aaaaaaaa.log.gz");
        store.Add($"{day}/012345678901_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261102T0010Z_bbbbbbbb.log.gz");
        store.Add($"{day}/012345678901_vpcflowlogs_us-east-1_fl-1234abcd_20261102T0005Z_cccccccc.log.gz");
        store.Add($"{day}/renamed-by-someone.log.gz");

        var one = await LayoutWalker.ListAsync(store, "AWSLogs", Source(Default, "fl-0123456789abcdef0"), TwoDays, CancellationToken.None);
        var other = await LayoutWalker.ListAsync(store, "AWSLogs", Source(Default, "fl-1234abcd"), TwoDays, CancellationToken.None);
        var all = await LayoutWalker.ListAsync(store, "AWSLogs", Source(Default), TwoDays, CancellationToken.None);

        Assert.Equal(2, one.Count);
        Assert.All(one, f => Assert.Equal("fl-0123456789abcdef0", f.FlowLogId));
        Assert.Equal(["fl-1234abcd"], other.Select(f => f.FlowLogId));
        Assert.Equal(4, all.Count);
        Assert.Single(all, f => f.FlowLogId is null);
    }

    [Theory]
    [InlineData("fl-1234abcd")]
    [InlineData("fl-0123456789abcdef0")]
    [InlineData(" fl-1234abcd ")]
    public void A_flow_log_id_has_aws_shape(string given) => Assert.Equal(given.Trim(), FlowLogIds.Parse(given, "--flow-log-id"));

    [Theory]
    [InlineData("fl-123")]
    [InlineData("FL-1234ABCD")]
    [InlineData("vpc-1234abcd")]
    [InlineData("fl-1234abcd_x")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_option(string given)
    {
        var error = Assert.Throws<UsageException>(() => FlowLogIds.Parse(given, "--flow-log-id"));
        Assert.StartsWith($"--flow-log-id '{given}' is not a flow log id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_and_regions_are_the_folders_that_match_the_layout()
    {
        var store = new KeyStore();
        store.Add("AWSLogs/012345678901/vpcflowlogs/us-east-1/2026/11/02/a.log.gz");
        store.Add("AWSLogs/012345678901/vpcflowlogs/eu-west-1/2026/11/02/a.log.gz");
        store.Add("AWSLogs/210987654321/vpcflowlogs/us-east-1/2026/11/02/a.log.gz");
        store.Add("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/aws-region=x/a.log.gz");

        var found = await LayoutWalker.AccountsAndRegionsAsync(store, "AWSLogs", PrefixStyle.Default, CancellationToken.None);

        Assert.Equal([("012345678901", "eu-west-1"), ("012345678901", "us-east-1"), ("210987654321", "us-east-1")], found);
        Assert.Empty(store.FileListings);
    }

    /// <summary>Files as '/'-separated keys; a folder is there when a key lies below it.</summary>
    private sealed class KeyStore : ILayoutStore
    {
        private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);

        public List<string> FileListings { get; } = [];

        public void Add(string key) => _keys.Add(key);

        public Task<IReadOnlyList<string>?> FoldersAsync(string folder, CancellationToken cancellationToken)
        {
            var folders = _keys.Where(k => k.StartsWith(folder + "/", StringComparison.Ordinal))
                .Select(k => k[(folder.Length + 1)..]).Where(rest => rest.Contains('/', StringComparison.Ordinal))
                .Select(rest => folder + "/" + rest[..rest.IndexOf('/', StringComparison.Ordinal)]).Distinct().ToList();
            return Task.FromResult<IReadOnlyList<string>?>(folders.Count == 0 ? null : folders);
        }

        public Task<IReadOnlyList<StoredFile>> FilesAsync(string folder, string extension, CancellationToken cancellationToken)
        {
            FileListings.Add(folder);
            IReadOnlyList<StoredFile> files = _keys.Where(k => k.StartsWith(folder + "/", StringComparison.Ordinal) && !k[(folder.Length + 1)..].Contains('/', StringComparison.Ordinal)
                && k.EndsWith(extension, StringComparison.Ordinal)).Select(k => new StoredFile(k, k.Length)).ToList();
            return Task.FromResult(files);
        }

        public string Child(string folder, string relative) => folder + "/" + relative;

        public string NameOf(string location) => location[(location.LastIndexOf('/') + 1)..];

        public string NoFlowLogsMessage(SourceLayout layout) => $"no {layout.Prefix.ToString().ToLowerInvariant()} flow logs";
    }
}
