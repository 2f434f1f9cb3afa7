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
        ServeCommand.Create(clock),
    };

    public static async Task<int> RunAsync(string[] args, Terminal terminal, CancellationToken cancellationToken)
    {
        var root = Build(terminal, TimeProvider.System);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) terminal.Fail(error.Message);
            terminal.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = terminal.Output, Error = terminal.Error };
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            terminal.Fail("Cancelled; nothing was left at a final output name.");
            return ExitCodes.For(new OperationCanceledException());
        }
        catch (Exception error)
        {
            terminal.Fail(MessageOf(error));
            return ExitCodes.For(error);
        }
    }

    private static string MessageOf(Exception error) => error is Core.Errors.FlowLogAthenaException
        ? error.Message
        : $"Unexpected {error.GetType().Name}: {error.Message}";
}
