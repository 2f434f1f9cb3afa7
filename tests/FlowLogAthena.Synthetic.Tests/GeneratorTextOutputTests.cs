using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class GeneratorTextOutputTests
{
    public static TheoryData<string> Formats => new()
    {
        FlowLogFormat.DefaultFormatString,
        AllFields.FormatString,
        "${log-status} ${pkt-srcaddr} ${srcaddr} ${traffic-path} ${start} ${account-id} ${action}",
        "${interface-type} ${resource-id} ${encryption-status}",
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_header_names_the_fields_and_every_line_has_one_token_per_field(string formatString)
    {
        using var temp = new TempFolder();
        var format = FlowLogFormat.Parse(formatString);
        var summary = await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = temp.Path, Format = format, Records = 4_000 });

        foreach (var file in summary.Files)
        {
            var lines = ReadGzipLines(file.Path);
            Assert.Equal(string.Join(' ', format.Fields.Select(f => f.Name)), lines[0]);
            Assert.Equal(file.Records, lines.Count - 1);
            Assert.All(lines.Skip(1), line =>
            {
                var tokens = line.Split(' ');
                Assert.Equal(format.Fields.Count, tokens.Length);
                Assert.DoesNotContain("", tokens);
            });
        }
    }

    [Fact]
    public async Task The_observer_sees_exactly_the_records_in_the_files()
    {
        using var temp = new TempFolder();
        var options = new GeneratorOptions { Root = temp.Path, Format = AllFields, Records = 3_000, FilesPerPartition = 2 };

        var summary = await FlowLogGenerator.GenerateAsync(options);
        var plan = FlowLogGenerator.Plan(options);

        Assert.Equal(plan.Files.Select(f => f.FullPath), summary.Files.Select(f => f.Path));
        foreach (var file in plan.Files)
        {
            var lines = ReadGzipLines(file.FullPath).Skip(1).ToList();
            var records = file.EnumerateRecords().ToList();
            Assert.Equal(lines, records.Select(r => r.ToLine()));
            Assert.Equal(lines.Select(l => l.Split(' ').Select(t => t == "-" ? null : t)), records.Select(r => r.Values));
        }
        Assert.Equal(summary.Files.Sum(f => new FileInfo(f.Path).Length), summary.Bytes);
        Assert.Equal(options.Records, summary.Records);
    }

    [Fact]
    public void NODATA_and_SKIPDATA_records_have_a_dash_everywhere_but_the_logging_fields()
    {
        var kept = new HashSet<string>(StringComparer.Ordinal) { "version", "account-id", "interface-id", "start", "end", "log-status" };
        var records = AllRecords(new GeneratorOptions { Root = "unused", Format = AllFields, Records = 20_000 });

        var idle = records.Where(r => r["log-status"] is "NODATA" or "SKIPDATA").ToList();

        Assert.Contains(idle, r => r["log-status"] == "NODATA");
        Assert.Contains(idle, r => r["log-status"] == "SKIPDATA");
        foreach (var record in idle)
        {
            for (var i = 0; i < AllFields.Fields.Count; i++)
            {
                var name = AllFields.Fields[i].Name;
                if (kept.Contains(name)) Assert.NotNull(record.Values[i]);
                else Assert.Null(record.Values[i]);
            }
        }
    }

    [Fact]
    public async Task A_default_format_NODATA_line_looks_like_AWSs_example()
    {
        using var temp = new TempFolder();
        var summary = await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = temp.Path, Records = 20_000 });

        var line = summary.Files.SelectMany(f => ReadGzipLines(f.Path)).First(l => l.EndsWith(" NODATA", StringComparison.Ordinal));

        // e.g. 2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA
        Assert.Matches(@"^2 \d{12} eni-[0-9a-f]{17} - - - - - - - (\d{10}) (\d{10}) - NODATA$", line);
    }

    [Fact]
    public async Task Account_ids_keep_their_leading_zero_in_paths_names_and_records()
    {
        using var temp = new TempFolder();
        var summary = await FlowLogGenerator.GenerateAsync(new GeneratorOptions { Root = temp.Path, Records = 400 });

        var zeroAccountFiles = summary.Files.Where(f => f.RelativePath.StartsWith("AWSLogs/012345678901/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, zeroAccountFiles.Count);
        foreach (var file in zeroAccountFiles)
        {
            Assert.StartsWith("012345678901_vpcflowlogs_", Path.GetFileName(file.Path));
            Assert.All(ReadGzipLines(file.Path).Skip(1), line => Assert.StartsWith("2 012345678901 ", line));
        }
    }
}
