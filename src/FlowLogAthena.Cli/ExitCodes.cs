using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Jobs;

namespace FlowLogAthena.Cli;

/// <summary>
/// The one place errors and run states become exit codes: 0 success, 1 failure, 2 bad input, 3 partial (a job
/// run where some queries failed and the others' outputs are written), 130 cancelled (a job run).
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
        OperationCanceledException => Failure,
        _ => Failure,
    };
}
