using FlowLogAthena.Cli;
using FlowLogAthena.Cli.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C cancels the work cleanly (DuckDB is interrupted, temp files removed); a second one kills.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
return await CliApp.RunAsync(args, Terminal.FromProcess(), cancellation.Token);
