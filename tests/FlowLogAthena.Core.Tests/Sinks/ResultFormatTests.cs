using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Core.Tests.Sinks;

public sealed class ResultFormatTests
{
    [Theory]
    [InlineData("out/top.csv", "csv")]
    [InlineData("s3://b/k/TOP.CSV", "csv")]
    [InlineData("top.json", "jsonl")]
    [InlineData("top.jsonl", "jsonl")]
    public void A_file_name_chooses_its_format(string name, string expected) =>
        Assert.Equal(expected, ResultFormat.FromFileName(name)?.Name);

    [Theory]
    [InlineData("top.txt")]
    [InlineData("top")]
    [InlineData("top.csv.gz")]
    public void A_name_without_a_result_extension_has_no_format(string name) => Assert.Null(ResultFormat.FromFileName(name));

    [Fact]
    public void Each_format_knows_its_extension_and_content_type()
    {
        Assert.Equal((".csv", "text/csv"), (ResultFormat.Csv.Extension, ResultFormat.Csv.ContentType));
        Assert.Equal((".jsonl", "application/x-ndjson"), (ResultFormat.JsonLines.Extension, ResultFormat.JsonLines.ContentType));
    }

    [Fact]
    public async Task Its_sink_writes_that_format()
    {
        using var temp = new TempFolder();
        var columns = new[] { new Core.Engines.ResultColumn("n", "BIGINT", typeof(long)) };
        foreach (var format in ResultFormat.All)
        {
            var path = temp.Combine("r" + format.Extension);
            await format.ToFile(path).WriteAsync(columns, new object?[][] { [1L] }.ToAsyncEnumerable(), CancellationToken.None);
            Assert.Equal(format == ResultFormat.Csv ? "n\r\n1\r\n" : "{\"n\":1}\n", await File.ReadAllTextAsync(path));
        }
    }
}
