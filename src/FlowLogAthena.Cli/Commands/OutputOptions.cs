using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Sinks;

namespace FlowLogAthena.Cli.Commands;

/// <summary>How results are written.</summary>
public enum OutputKind
{
    Table,
    Csv,
    Json,
}

/// <summary><c>--output</c> and <c>--out</c>: the sink for a query's rows.</summary>
public sealed class OutputOptions
{
    public Option<OutputKind> Output { get; } = new("--output")
    {
        Description = "Result format: table (console), csv (RFC 4180) or json (JSON lines).",
        DefaultValueFactory = _ => OutputKind.Table,
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write the result to this file (it appears only when complete); stdout when omitted.",
    };

    public void AddTo(Command command)
    {
        command.Add(Output);
        command.Add(Out);
    }

    public IResultSink CreateSink(ParseResult parse, Terminal terminal, string title)
    {
        var kind = parse.GetValue(Output);
        var path = parse.GetValue(Out);
        return (kind, path) switch
        {
            (OutputKind.Csv, not null) => CsvSink.ToFile(path),
            (OutputKind.Json, not null) => JsonLinesSink.ToFile(path),
            (OutputKind.Csv, null) => CsvSink.ToStream(terminal.OutputStream),
            (OutputKind.Json, null) => JsonLinesSink.ToStream(terminal.OutputStream),
            (OutputKind.Table, not null) => throw new Core.Errors.SinkException("--out needs --output csv or json; a table is for the console."),
            _ => new ConsoleTableSink(terminal.Out, title),
        };
    }
}
