namespace FlowLogAthena.Worker.Tests;

/// <summary>Job files for the tests: valid against the shipped packs, with the schedule and zone a test needs.</summary>
internal static class Jobs
{
    public static string Scheduled(string name, string schedule, string timeZone = "UTC") => $"""
        name: {name}
        source:
          path: /srv/flow-logs
        queries: [top-talkers]
        window:
          relative: yesterday
          time_zone: {timeZone}
        outputs:
          - out/{"{job}"}/{"{yyyy}"}/{"{MM}"}/{"{dd}"}/{"{query}"}.csv
        schedule: "{schedule}"
        """;

    public static string Unscheduled(string name) => Scheduled(name, "x").Replace("schedule: \"x\"", "", StringComparison.Ordinal);
}
