using System.Diagnostics;
using System.Text;

namespace FlowLogAthena.Core.Tests.Sources;

/// <summary>Every text file of a window is checked whole: header, format and gzip stream, with real files.</summary>
public sealed class TextLogHeaderTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Record = "2 012345678901 eni-1 10.0.0.1 10.0.0.2 443 5000 6 10 1000 1793577700 1793577760 ACCEPT OK";
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private LogFile File(string name, byte[] content)
    {
        var path = _root.Combine(name);
        System.IO.File.WriteAllBytes(path, content);
        return new LogFile(path, "012345678901", "us-east-1", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), content.Length);
    }

    private LogFile Text(string name, string text) => File(name, GzipText.Of(text));


    private static Task VerifyAsync(params LogFile[] files) => TextLogHeader.VerifyAsync(FlowLogFormat.Default, files, CancellationToken.None);

    [Fact]
    public async Task A_later_file_of_another_format_is_named_with_both_headers_and_its_flow_log_id()
    {
        var files = Enumerable.Range(0, 5).Select(i => Text($"012345678901_vpcflowlogs_us-east-1_fl-1_2026110{i}T0000Z_a.log.gz", Header + "\n" + Record + "\n")).ToList();
        var odd = Text("012345678901_vpcflowlogs_us-east-1_fl-2_20261102T0005Z_b.log.gz", "srcaddr dstaddr bytes\n10.0.0.1 10.0.0.2 5\n");
        files.Add(odd);

        var error = await Assert.ThrowsAsync<SourceException>(() => TextLogHeader.VerifyAsync(FlowLogFormat.Default, files, CancellationToken.None));

        Assert.Contains(odd.Path, error.Message);
        Assert.Contains("\"srcaddr dstaddr bytes\"", error.Message);
        Assert.Contains(Header, error.Message);
        Assert.Contains("  fl-2 (VPC, ", error.Message);
        Assert.Contains("  fl-1 (VPC, ", error.Message);
        Assert.Contains("--flow-log-id", error.Message);
    }

    [Fact]
    public async Task Detecting_the_format_also_refuses_files_of_two_formats()
    {
        var first = Text("a.log.gz", Header + "\n");
        var second = Text("b.log.gz", "srcaddr dstaddr\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => TextLogHeader.DetectAsync([first, second], CancellationToken.None));

        Assert.Contains(second.Path, error.Message);
    }

    [Fact]
    public async Task The_same_fields_in_another_order_are_another_format()
    {
        var first = Text("a.log.gz", "srcaddr dstaddr bytes\n");
        var swapped = Text("b.log.gz", "dstaddr srcaddr bytes\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => TextLogHeader.DetectAsync([first, swapped], CancellationToken.None));

        Assert.Contains("\"dstaddr srcaddr bytes\"", error.Message);
    }

    [Fact]
    public async Task Every_file_naming_another_format_than_the_one_given_says_which_to_pass()
    {
        var file = Text("a.log.gz", "srcaddr dstaddr bytes\n10.0.0.1 10.0.0.2 5\n");

        var error = await Assert.ThrowsAsync<FlowLogFormatException>(() => VerifyAsync(file));

        Assert.Contains("--format \"${srcaddr} ${dstaddr} ${bytes}\"", error.Message);
    }

    [Fact]
    public async Task A_file_without_the_header_line_is_named_instead_of_losing_its_first_record()
    {
        var file = Text("a.log.gz", Record + "\n" + Record + "\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.Contains(file.Path, error.Message);
        Assert.Contains("line 1 is not AWS's header line", error.Message);
        Assert.Contains("'2' is no flow log field", error.Message);
    }

    [Theory]
    [InlineData("version srcaddr srcaddr\n", "more than once")]
    [InlineData("version drop-cause\n", "'drop-cause' is no flow log field")]
    [InlineData("\n", "holds no text")]
    public async Task A_header_that_is_not_a_format_is_named(string text, string reason)
    {
        var file = Text("a.log.gz", text);

        var error = await Assert.ThrowsAsync<SourceException>(() => TextLogHeader.DetectAsync([file], CancellationToken.None));

        Assert.Contains(file.Path, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task A_header_with_terminal_escapes_is_printed_without_them()
    {
        var file = Text("a.log.gz", "\u001b[2Jversion\u0007 srcaddr\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.DoesNotContain('\u001b', error.Message);
        Assert.DoesNotContain('\u0007', error.Message);
    }

    [Fact]
    public async Task An_empty_file_is_refused_as_empty()
    {
        var file = File("a.log.gz", []);

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.Contains(file.Path, error.Message);
        Assert.Contains("empty (0 bytes)", error.Message);
    }

    [Fact]
    public async Task A_gzip_of_empty_text_has_no_header_and_is_refused()
    {
        // What `printf '' | gzip -n` writes: a complete gzip stream of zero bytes (.NET writes nothing at all for it).
        var file = File("a.log.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.Contains("holds no text", error.Message);
    }

    [Fact]
    public async Task A_file_with_only_the_header_is_a_valid_file_without_records()
    {
        var file = Text("a.log.gz", Header + "\n");

        await VerifyAsync(file);
        Assert.Equal(FlowLogFormat.Default.FormatString, (await TextLogHeader.DetectAsync([file], CancellationToken.None))!.FormatString);
    }

    [Fact]
    public async Task A_plain_text_file_named_log_gz_is_not_gzip()
    {
        var file = File("a.log.gz", Encoding.UTF8.GetBytes(Header + "\n" + Record + "\n"));

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.Contains(file.Path, error.Message);
        Assert.Contains("is not gzip", error.Message);
    }

    [Fact]
    public async Task A_truncated_gzip_says_it_is_truncated()
    {
        var text = Header + "\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"2 012345678901 eni-{i} 10.0.0.1 10.0.0.2 {i % 65536} 5000 6 10 {i * 7} 1793577700 1793577760 ACCEPT OK\n"));
        var whole = GzipText.Of(text);
        var file = File("a.log.gz", whole[..(whole.Length * 6 / 10)]);

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.Contains(file.Path, error.Message);
        Assert.Contains("is truncated", error.Message);
    }

    [Fact]
    public async Task A_gzip_cut_inside_its_header_block_is_refused()
    {
        var whole = GzipText.Of(Header + "\n" + Record + "\n");
        var file = File("a.log.gz", whole[..30]);

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.Contains(file.Path, error.Message);
    }

    [Fact]
    public async Task A_file_whose_last_line_has_no_newline_is_complete_when_the_gzip_trailer_says_so()
    {
        var file = Text("a.log.gz", Header + "\n" + Record);

        await VerifyAsync(file);
    }

    [Fact]
    public async Task A_first_line_longer_than_a_header_can_be_is_refused_without_reading_on()
    {
        var file = Text("a.log.gz", new string('x', 200_000) + "\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file));

        Assert.Contains("longer than 64 KiB", error.Message);
    }

    [Fact]
    public async Task A_fifo_named_like_a_log_is_refused_without_blocking()
    {
        var fifo = _root.Combine("pipe.log.gz");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        var file = new LogFile(fifo, "012345678901", "us-east-1", DateTime.UnixEpoch, new FileInfo(fifo).Length);

        var error = await Assert.ThrowsAsync<SourceException>(() => VerifyAsync(file)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("not a regular file", error.Message);
    }

    [Fact]
    public async Task Every_one_of_a_thousand_files_is_checked_not_only_the_first()
    {
        // Speed is measured in bench/, not here; this proves the parallel check reaches the 999th file.
        var content = GzipText.Of(Header + "\n" + string.Concat(Enumerable.Repeat(Record + "\n", 200)));
        var files = Enumerable.Range(0, 1000).Select(i => File($"f{i:D4}.log.gz", i == 998 ? GzipText.Of("") : content)).ToArray();

        var error = await Assert.ThrowsAsync<SourceException>(() => TextLogHeader.VerifyAsync(FlowLogFormat.Default, files, CancellationToken.None));

        Assert.Contains("f0998.log.gz", error.Message);
    }
}
