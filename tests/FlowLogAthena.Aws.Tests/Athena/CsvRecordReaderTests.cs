using System.Text;
using FlowLogAthena.Aws.Athena.Results;

namespace FlowLogAthena.Aws.Tests.Athena;

public sealed class CsvRecordReaderTests
{
    private static async Task<List<string?[]>> ReadAsync(string csv, int chunk = int.MaxValue)
    {
        using var reader = new CsvRecordReader(new TrickleStream(Encoding.UTF8.GetBytes(csv), chunk));
        var records = new List<string?[]>();
        while (await reader.ReadRecordAsync(CancellationToken.None) is { } record)
            records.Add(record);
        return records;
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Reads_rfc4180_whatever_the_read_sizes(int chunk)
    {
        var records = await ReadAsync("\"a\",\"b\"\r\n\"x \"\"q\"\" y\",\"1,2\"\r\n\"multi\r\nline\",plain\nlast,\"\"", chunk);

        Assert.Equal(
            [
                ["a", "b"],
                ["x \"q\" y", "1,2"],
                ["multi\r\nline", "plain"],
                ["last", ""],
            ],
            records);
    }

    [Fact]
    public async Task Empty_unquoted_fields_are_null_and_quoted_empty_ones_are_empty()
    {
        var records = await ReadAsync(",\"\",\n\"\",,x\n");

        Assert.Equal([[null, "", null], ["", null, "x"]], records);
    }

    [Fact]
    public async Task A_blank_line_is_one_null_field_and_a_final_line_break_adds_no_record()
    {
        Assert.Equal([["h"], [null], ["v"]], await ReadAsync("\"h\"\n\n\"v\"\n"));
        Assert.Empty(await ReadAsync(""));
    }

    [Fact]
    public async Task Long_fields_span_buffers()
    {
        var big = new string('x', 200_000);
        var records = await ReadAsync($"\"{big}\",{big}\n");

        Assert.Equal(new string?[] { big, big }, Assert.Single(records));
    }

    [Fact]
    public async Task An_unclosed_quote_is_an_error()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync("\"ok\"\n\"never closed,1\n"));
        Assert.Contains("record 2", error.Message);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_is_an_error()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync("\"a\"b,c\n"));
    }

    /// <summary>Hands out at most <c>chunk</c> bytes a read, to cross every buffer boundary.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }
}
