using System.CommandLine;
using FlowLogAthena.Cli.Commands;
using FlowLogAthena.Cli.Console;

namespace FlowLogAthena.Cli;

/// <summary>Builds the command tree and runs it, turning every error into a message and an exit code.</summary>
public static class CliApp
{
    public static RootCommand Build(Terminal terminal, TimeProvider clock) => new("flowlog-athena: answers from Amazon VPC Flow Logs, on Athena or embedded DuckDB.")
    {
        GlobalOptions.Verbose,
        DiscoverCommand.Create(terminal),
        FieldsCommand.Create(terminal),
        FormatCommand.Create(terminal),
        QueriesCommand.Create(terminal),
        RenderCommand.Create(terminal, clock),
        RunCommand.Create(terminal, clock),
        GenerateCommand.Create(terminal),
        DemoCommand.Create(terminal),
        EstimateCommand.Create(terminal),
        ProvisionCommand.Create(terminal, clock),
        JobCommand.Create(terminal, clock),
        ReportCommand.Create(terminal),
        StoreCommand.Create(terminal),
        RangesCommand.Create(terminal, clock),
        InventoryCommand.Create(terminal, clock),
        CompactCommand.Create(terminal, clock),
        ServeCommand.Create(clock),
    };

    public static async Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken cancellationToken)
    {
        var root = Build(terminal, TimeProvider.System);
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (Exception error)
        {
            // An option's parser that threw instead of reporting: still bad input, still no stack trace.
            terminal.Fail(ExitCodes.MessageOf(error, "flowlog-athena"));
            terminal.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.BadInput;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) terminal.Fail(error.Message);
            terminal.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        var command = parse.CommandResult.Command;
        try
        {
            // Program owns SIGINT and SIGTERM (it cancels the token); System.CommandLine's own handler would end the
            // invocation after 2 s while the command still stops its queries and removes its staged files.
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = terminal.Output, Error = terminal.Error };
            var code = await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
            // A command that turned the cancellation into a failed outcome (a pack's or report's query) was still cancelled.
            return cancellationToken.IsCancellationRequested && code != ExitCodes.Success ? Cancelled(terminal, command) : code;
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested && error is OperationCanceledException or Core.Errors.FlowLogAthenaException)
        {
            return Cancelled(terminal, command);
        }
        catch (Exception error)
        {
            terminal.Fail(ExitCodes.MessageOf(error, CommandPath(command)));
            return ExitCodes.For(error);
        }
    }

    private static int Cancelled(Terminal terminal, Command command)
    {
        terminal.Fail($"{CommandPath(command)}: cancelled; nothing was left at a final output name.");
        return ExitCodes.Cancelled;
    }

    private static string CommandPath(Command command) =>
        string.Join(' ', new[] { command }.Concat(command.Parents.OfType<Command>()).Where(c => c is not RootCommand).Reverse().Select(c => c.Name).Prepend("flowlog-athena"));
}
