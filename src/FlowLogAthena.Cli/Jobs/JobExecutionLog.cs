using FlowLogAthena.Core.Jobs;
using FlowLogAthena.Core.Running;
using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Cli.Jobs;

/// <summary>What a job run reports while it goes, as structured log events for <c>serve</c> (<c>job run</c> prints them instead).</summary>
public static partial class JobExecutionLog
{
    /// <summary>Executor options that log each query's outcome, notes and (with --verbose) SQL and AWS calls.</summary>
    public static JobExecutorOptions LoggingTo(this JobExecutorOptions options, ILogger logger, bool verbose) => options with
    {
        QueryProgress = new Progress(logger),
        Note = note => logger.JobNote(note),
        Verbose = verbose ? text => logger.JobVerbose(text) : null,
    };

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Query {Query}: {State}{Control}, {Rows} rows, {BytesScanned} bytes scanned{Reason}")]
    private static partial void QueryDone(this ILogger logger, string query, string state, string control, long rows, long bytesScanned, string reason);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "{Note}")]
    private static partial void JobNote(this ILogger logger, string note);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "{Detail}")]
    private static partial void JobVerbose(this ILogger logger, string detail);

    private sealed class Progress(ILogger logger) : IProgress<JobQueryRecord>
    {
        public void Report(JobQueryRecord value)
        {
            if (!logger.IsEnabled(LogLevel.Information)) return;
            logger.QueryDone(value.Query, value.State.ToText(), value.Control is { } verdict ? $" ({verdict.ToText()})" : "", value.Rows, value.BytesScanned, value.Reason is null ? "" : " — " + value.Reason);
        }
    }
}
