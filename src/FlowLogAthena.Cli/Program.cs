using System.Runtime.InteropServices;
using FlowLogAthena.Cli;
using FlowLogAthena.Cli.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C cancels the work cleanly (DuckDB is interrupted, temp files removed); a second one kills.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
// SIGTERM (systemd, Kubernetes, a scheduler's timeout) cancels the same way instead of killing the process, so a
// running Athena query is stopped and the job's manifest says so before the process exits.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});
return await CliApp.RunAsync(args, Terminal.FromProcess(), cancellation.Token);
