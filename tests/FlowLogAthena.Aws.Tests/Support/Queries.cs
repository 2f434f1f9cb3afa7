namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>A rendered Athena query and an S3 source, for engine tests (moto runs no SQL, so the text is free).</summary>
public static class Queries
{
    public static readonly FlowLogSource Source = new("s3://logs/flow", FlowLogFormat.Default, SourceLayout.DefaultLayout);

    public static RenderedQuery Athena(string sql = "SELECT srcaddr, dstaddr, bytes FROM \"flowlogs\".\"vpc\" WHERE \"day\" = '2026/11/02'") =>
        new("top-talkers", SqlDialect.Athena, sql, TimeWindow.Days(new DateOnly(2026, 11, 2), 1), new Dictionary<string, string>());
}
