using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Cli;

/// <summary>The one place errors become exit codes: 0 success, 2 bad input, 1 failure.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int For(Exception error) => error switch
    {
        FlowLogAthenaException e => e.IsBadInput ? BadInput : Failure,
        OperationCanceledException => Failure,
        _ => Failure,
    };
}
