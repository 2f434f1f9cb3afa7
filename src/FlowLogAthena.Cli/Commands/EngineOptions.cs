using System.CommandLine;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Cli.Engines;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Sources;
using Spectre.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// The options that choose and open an engine for a command (<c>run</c>, <c>report weekly</c>): --engine, the
/// source, Athena's and AWS's options, and the local engine's options (LocalEngineOptions).
/// </summary>
public sealed class EngineOptions
{
    public Option<EngineKind> Engine { get; } = new Option<EngineKind>("--engine")
    {
        Description = "Query engine: local (embedded DuckDB, also accepted as duckdb) or athena (the Glue table made by provision).",
        DefaultValueFactory = _ => EngineKind.Local,
        CustomParser = ParseEngine,
        HelpName = "local|duckdb|athena",
    };

    public SourceOptions Source { get; } = new();

    public AthenaOptions Athena { get; } = new();

    public AwsOptions Aws { get; } = new();

    public LocalEngineOptions Local { get; } = new();

    /// <summary>Opens the chosen engine over the source for <paramref name="window"/>, saying on the terminal what it read.</summary>
    public Task<BoundTable> OpenAsync(ParseResult parse, TimeWindow window, bool materialize, LazyAwsClients aws, Terminal terminal, CancellationToken cancellationToken)
    {
        var onAthena = parse.GetValue(Engine) == EngineKind.Athena;
        var given = parse.GetValue(Source.Source) is not null;
        if (!onAthena && !given)
            throw new SourceException("--source is required for the local engine: the folder (or s3:// prefix) that holds AWSLogs/.");
        var request = new EngineRequest
        {
            Athena = onAthena ? Athena.EngineOptions(parse, Aws) : null,
            Source = given ? Source.GetSource(parse) : null,
            FlowLogId = Source.GetFlowLogId(parse),
            FormatGiven = parse.GetValue(Source.Format) is not null,
            Local = Local.Read(parse),
            ExpectedBucketOwner = parse.GetValue(Aws.ExpectedBucketOwner),
            MaterializeWindow = materialize,
        };
        var opener = new EngineOpener(() => aws.Value, text => terminal.Note(Markup.Escape(text)), AthenaOptions.Progress(terminal));
        return opener.OpenAsync(request, window, cancellationToken);
    }

    private static EngineKind ParseEngine(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (EngineKinds.TryParse(text, out var kind)) return kind;
        result.AddError($"--engine '{text}' is not local (also duckdb) or athena.");
        return EngineKind.Local;
    }
}
