using System.Text.Json;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>moto's Athena controls: queued results for the next executions, and how executions progress.</summary>
public static class MotoAthena
{
    /// <summary>Queues one result (header row first, as Athena returns it) for the next StartQueryExecution.</summary>
    public static Task QueueResultAsync(MotoServer moto, IReadOnlyList<(string Name, string Type)> columns, IEnumerable<string?[]> rows)
    {
        var header = new { Data = columns.Select(c => new { VarCharValue = c.Name }).ToArray() };
        var data = rows.Select(r => new { Data = r.Select(v => v is null ? (object)new { } : new { VarCharValue = v }).ToArray() });
        var body = new
        {
            region = MotoServer.Region,
            results = new[]
            {
                new
                {
                    rows = new object[] { header }.Concat(data).ToArray(),
                    column_info = columns.Select(c => new { Name = c.Name, Label = c.Name, Type = c.Type, Nullable = "UNKNOWN", CaseSensitive = c.Type == "varchar" }).ToArray(),
                },
            },
        };
        return moto.PostControlAsync("moto-api/static/athena/query-results", JsonSerializer.Serialize(body));
    }

    /// <summary>Engine options for tests against moto: the "flowlogs"."vpc" table, results in the bucket, fast polls, a bounded stop.</summary>
    public static AthenaEngineOptions EngineOptions(string bucket) => new()
    {
        Database = "flowlogs",
        Table = "vpc",
        OutputLocation = $"s3://{bucket}/results/",
        PollInitialDelay = TimeSpan.FromMilliseconds(10),
        PollMaxDelay = TimeSpan.FromMilliseconds(50),
        StopWaitLimit = TimeSpan.FromSeconds(10),
    };

    /// <summary>Keeps every new execution QUEUED (until stopped) instead of succeeding at once.</summary>
    public static Task HoldExecutionsAsync(MotoServer moto) =>
        moto.PostControlAsync("moto-api/state-manager/set-transition",
            """{"model_name": "athena::execution", "transition": {"progression": "manual", "times": 1000000}}""");

    /// <summary>Back to moto's default: executions succeed on first look.</summary>
    public static Task ReleaseExecutionsAsync(MotoServer moto) =>
        moto.PostControlAsync("moto-api/state-manager/unset-transition", """{"model_name": "athena::execution"}""");
}
