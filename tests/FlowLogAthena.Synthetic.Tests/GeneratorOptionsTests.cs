namespace FlowLogAthena.Synthetic.Tests;

public sealed class GeneratorOptionsTests
{
    [Fact]
    public void Defaults_are_two_accounts_one_with_a_leading_zero_and_two_regions()
    {
        var options = new GeneratorOptions { Root = "out" };

        Assert.Equal(["012345678901", "123456789012"], options.Accounts);
        Assert.Equal(["us-east-1", "eu-west-1"], options.Regions);
        Assert.Equal(1, options.FilesPerPartition);
        Assert.Equal(4, FlowLogGenerator.Plan(options).Files.Count);
    }

    [Theory]
    [InlineData("12345678901", "us-east-1", "is not a 12-digit AWS account id")]
    [InlineData("01234567890a", "us-east-1", "is not a 12-digit AWS account id")]
    [InlineData("012345678901", "us_east_1", "is not an AWS region name")]
    public void Bad_accounts_and_regions_are_refused_by_name(string account, string region, string message)
    {
        var options = new GeneratorOptions { Root = "out", Accounts = [account], Regions = [region] };

        var error = Assert.Throws<GeneratorOptionsException>(() => FlowLogGenerator.Plan(options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(error.IsBadInput);
    }

    [Fact]
    public void Impossible_counts_are_refused()
    {
        Assert.Throws<GeneratorOptionsException>(() => FlowLogGenerator.Plan(new GeneratorOptions { Root = "out", Records = -1 }));
        Assert.Throws<GeneratorOptionsException>(() => FlowLogGenerator.Plan(new GeneratorOptions { Root = "out", FilesPerPartition = 0 }));
        Assert.Throws<GeneratorOptionsException>(() => FlowLogGenerator.Plan(new GeneratorOptions { Root = "out", MaxDegreeOfParallelism = 0 }));
        Assert.Throws<GeneratorOptionsException>(() => FlowLogGenerator.Plan(new GeneratorOptions { Root = "out", Accounts = ["012345678901", "012345678901"] }));
    }

    [Fact]
    public void Records_are_split_exactly_and_files_without_records_are_left_out()
    {
        var options = new GeneratorOptions { Root = "out", Records = 3, FilesPerPartition = 2 };

        var files = FlowLogGenerator.Plan(options).Files;

        Assert.Equal(3, files.Count);
        Assert.Equal(3, files.Sum(f => f.RecordCount));
        Assert.Empty(FlowLogGenerator.Plan(new GeneratorOptions { Root = "out", Records = 0 }).Files);
    }
}
