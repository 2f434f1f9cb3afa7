using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Cli;

/// <summary>
/// The one place errors and run states become exit codes and messages: 0 success, 1 failure, 2 bad input, 3 partial
/// (a job run where some queries failed and the others' outputs are written), 130 cancelled (Ctrl+C or SIGTERM, any
/// command).
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int Partial = 3;
    public const int Cancelled = 130;

    public static int For(JobRunState state) => state switch
    {
        JobRunState.Succeeded => Success,
        JobRunState.Partial => Partial,
        JobRunState.Cancelled => Cancelled,
        _ => Failure,
    };

    public static int For(Exception error) => error switch
    {
        FlowLogAthenaException e => e.IsBadInput ? BadInput : Failure,
        _ => Failure,
    };

    /// <summary>
    /// What the user reads: a product error's own message (it names the culprit); anything else says which command
    /// failed and how, never as a stack trace.
    /// </summary>
    public static string MessageOf(Exception error, string command) => error switch
    {
        FlowLogAthenaException => error.Message,
        OperationCanceledException => $"{command} failed: an operation timed out or was aborted ({error.Message}).",
        _ => $"{command} failed: {error.Message} ({error.GetType().Name}).",
    };
}
