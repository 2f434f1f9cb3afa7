using System.CommandLine;

namespace FlowLogAthena.Cli.Commands;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    /// <summary>Details for a person debugging a run: the SQL sent and every AWS call attempt. Never secrets:
    /// credentials, signatures and tokens are not in what is printed, at any level.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print the SQL sent and every AWS call attempt (service, operation, status, request id, timing). Never credentials.",
        Recursive = true,
    };
}
