namespace FlowLogAthena.Core.Tests.Engines;

public sealed class EngineKindTests
{
    [Theory]
    [InlineData("local", EngineKind.Local)]
    [InlineData("duckdb", EngineKind.Local)]
    [InlineData(" Athena ", EngineKind.Athena)]
    public void Every_accepted_spelling_names_its_engine(string text, EngineKind expected)
    {
        Assert.True(EngineKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("oracle")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text) => Assert.False(EngineKinds.TryParse(text, out _));

    [Fact]
    public void The_text_is_what_manifests_and_job_files_say() =>
        Assert.Equal(["local", "athena"], Enum.GetValues<EngineKind>().Select(k => k.ToText()));
}
