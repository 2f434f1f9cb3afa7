using System.Security.Cryptography;
using System.Text;
using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

/// <summary>
/// Golden output: the exact bytes four small runs write (three VPC, one Transit Gateway), pinned as one SHA-256 per run. The digests were taken
/// from the generator before it moved into its own project, with the CLI and coreutils
/// (<c>find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum</c>), so a refactor that changes
/// a single byte of any file (a record, a name, the gzip or Parquet framing) fails here. A deliberate change to the
/// output changes every benchmark data set and reference answer: update these digests in the same commit and say so.
/// </summary>
public sealed class GeneratorGoldenOutputTests
{
    public static TheoryData<string> Runs =>
        ["all-fields-text-two-days", "all-fields-parquet-hive-hourly", "default-format-without-findings", "transit-gateway-default-text"];

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task A_seed_writes_exactly_the_golden_bytes(string run)
    {
        using var temp = new TempFolder();
        var (options, files, digest) = Golden(run, temp.Path);

        var summary = await FlowLogGenerator.GenerateAsync(options);

        var listing = Listing(summary);
        Assert.True(files == summary.Files.Count, $"{run}: {summary.Files.Count} files, expected {files}:\n{listing}");
        Assert.True(digest == Sha256(listing), $"{run}: the files differ from the golden output:\n{listing}");
    }

    private static (GeneratorOptions Options, int Files, string Digest) Golden(string run, string root) => run switch
    {
        // generate --format <all 54 fields> --records 20000 --seed 11 --from 2026-11-02 --to 2026-11-04
        "all-fields-text-two-days" => (new GeneratorOptions
        {
            Root = root,
            Format = AllFields,
            Records = 20_000,
            Seed = 11,
            Window = TimeWindow.Days(new DateOnly(2026, 11, 2), 2),
        }, 8, "c26b8227e3a850fd23b2faa42a823330e853ec0950a86fa482ca02ba1c2ba85e"),

        // generate --format <all 54 fields> --file-format parquet --layout hive --partitioning hourly --records 3000 --seed 5
        //   --accounts 444444444444 --regions ca-central-1
        "all-fields-parquet-hive-hourly" => (new GeneratorOptions
        {
            Root = root,
            Format = AllFields,
            Layout = new SourceLayout(PrefixStyle.Hive, Partitioning.Hourly, LogFileFormat.Parquet),
            Records = 3_000,
            Seed = 5,
            Accounts = ["444444444444"],
            Regions = ["ca-central-1"],
        }, 24, "dadeb15aa2fb1dc90a5730f833535dc4329595079611cc52817f8f97f9d092fd"),

        // generate --no-findings --records 5000 --seed 2
        "default-format-without-findings" => (new GeneratorOptions
        {
            Root = root,
            PlantFindings = false,
            Records = 5_000,
            Seed = 2,
        }, 4, "9b346160bd493808b2588409856c2eab9e7ef394dbdc07343d433c266d5df28b"),

        // generate --kind transit-gateway --records 4000 --seed 7 --accounts 210987654321 --regions eu-west-1 --files-per-partition 2
        "transit-gateway-default-text" => (new GeneratorOptions
        {
            Root = root,
            Format = FlowLogFormat.TransitGatewayDefault,
            Records = 4_000,
            Seed = 7,
            Accounts = ["210987654321"],
            Regions = ["eu-west-1"],
            FilesPerPartition = 2,
        }, 2, "4deaf65afde027fa738a51b14e85176ea01dde3a347148615aff610daff40051"),

        _ => throw new ArgumentOutOfRangeException(nameof(run), run, null),
    };

    /// <summary><c>sha256sum</c>'s lines for every file, by relative path in ordinal order.</summary>
    private static string Listing(GenerationSummary summary)
    {
        var text = new StringBuilder();
        foreach (var file in summary.Files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
            text.Append(Sha256(File.ReadAllBytes(file.Path))).Append("  ").Append(file.RelativePath).Append('\n');
        return text.ToString();
    }

    private static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
