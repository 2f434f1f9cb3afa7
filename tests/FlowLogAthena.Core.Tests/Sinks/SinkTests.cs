using System.Text;
using System.Text.Json;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Tests.Sinks;

public sealed class SinkTests : IDisposable
{
    private static readonly ResultColumn[] Columns =
    [
        new("srcaddr", "VARCHAR", typeof(string)),
        new("bytes", "BIGINT", typeof(long)),
        new("note", "VARCHAR", typeof(string)),
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async IAsyncEnumerable<object?[]> Rows(bool failAfterFirst = false)
    {
        yield return ["2600:1f18::1", 12345678901L, "a,b \"quoted\""];
        await Task.Yield();
        if (failAfterFirst) throw new InvalidOperationException("engine died");
        yield return ["10.0.0.1", 0L, null];
        yield return ["10.0.0.2", 5L, "two\nlines"];
    }

    [Fact]
    public async Task Csv_follows_RFC_4180()
    {
        var path = _folder.Combine("out.csv");
        var count = await CsvSink.ToFile(path).WriteAsync(Columns, Rows(), CancellationToken.None);

        Assert.Equal(3, count);
        var expected = "srcaddr,bytes,note\r\n2600:1f18::1,12345678901,\"a,b \"\"quoted\"\"\"\r\n10.0.0.1,0,\r\n10.0.0.2,5,\"two\nlines\"\r\n";
        Assert.Equal(expected, await File.ReadAllTextAsync(path));
        Assert.False(File.ReadAllBytes(path).AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
    }

    [Fact]
    public async Task Json_lines_keep_numbers_as_numbers_and_null_as_null()
    {
        var path = _folder.Combine("out.jsonl");
        await JsonLinesSink.ToFile(path).WriteAsync(Columns, Rows(), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(3, lines.Length);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Number, second.RootElement.GetProperty("bytes").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("note").ValueKind);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(12345678901L, first.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal("a,b \"quoted\"", first.RootElement.GetProperty("note").GetString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public async Task A_failed_write_leaves_no_file_behind_and_keeps_an_older_result(string kind)
    {
        var path = _folder.Combine("nested", "out." + kind);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "previous result");
        IResultSink sink = kind == "csv" ? CsvSink.ToFile(path) : JsonLinesSink.ToFile(path);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.WriteAsync(Columns, Rows(failAfterFirst: true), CancellationToken.None));

        Assert.Equal("previous result", await File.ReadAllTextAsync(path));
        Assert.Equal(["out." + kind], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_file()
    {
        var path = _folder.Combine("cancelled.csv");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CsvSink.ToFile(path).WriteAsync(Columns, Rows(), cancelled.Token));

        Assert.Empty(Directory.GetFiles(_folder.Path));
    }
}
