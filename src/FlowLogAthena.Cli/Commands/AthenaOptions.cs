using System.CommandLine;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Cli.Console;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Running;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Cli.Commands;

/// <summary>Options of the Athena engine: which table, where results go, how they are protected, how long to wait.</summary>
public sealed class AthenaOptions
{
    public Option<string> Database { get; } = new("--database") { Description = "Glue database of the table (athena).", DefaultValueFactory = _ => TableOptions.DefaultDatabase };

    public Option<string> Table { get; } = new("--table") { Description = "Glue table (athena).", DefaultValueFactory = _ => TableOptions.DefaultTable };

    public Option<string?> WorkGroup { get; } = new("--workgroup") { Description = "Athena workgroup (athena; its settings may override the output location)." };

    public Option<string?> OutputLocation { get; } = new("--output-location") { Description = "s3:// folder for Athena's result files (athena)." };

    public Option<string?> ResultEncryption { get; } = new("--result-encryption") { Description = "Encryption of Athena's result files: SSE_S3 (default), SSE_KMS or CSE_KMS (with --kms-key)." };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = "Stop the query after this long, e.g. 90s, 15m, 1h (athena); the query is stopped, never left running." };

    public void AddTo(Command command)
    {
        command.Add(Database);
        command.Add(Table);
        command.Add(WorkGroup);
        command.Add(OutputLocation);
        command.Add(ResultEncryption);
        command.Add(Timeout);
    }

    /// <summary>The engine settings the options give; <see cref="Engines.EngineOpener"/> checks them.</summary>
    public AthenaEngineOptions EngineOptions(ParseResult parse, AwsOptions aws) => new()
    {
        Database = parse.GetRequiredValue(Database),
        Table = parse.GetRequiredValue(Table),
        WorkGroup = parse.GetValue(WorkGroup),
        OutputLocation = parse.GetValue(OutputLocation),
        EncryptionOption = parse.GetValue(ResultEncryption) ?? (parse.GetValue(aws.KmsKey) is null ? EncryptionOptions.SseS3 : EncryptionOptions.SseKms),
        KmsKey = parse.GetValue(aws.KmsKey),
        ExpectedBucketOwner = parse.GetValue(aws.ExpectedBucketOwner),
        Timeout = parse.GetValue(Timeout) is { } text ? ParseDuration(text) : null,
    };

    /// <summary>Prints each state change of a running query on the terminal.</summary>
    public static IProgress<AthenaQueryProgress> Progress(Terminal terminal) => new StateReporter(terminal);

    /// <summary>90, 90s, 15m, 1h or a TimeSpan such as 00:15:00.</summary>
    public static TimeSpan ParseDuration(string text) => Duration.TryParse(text, out var duration)
        ? duration
        : throw new QueryParameterException("--timeout", $"--timeout '{text}' is not a duration such as 90s, 15m or 1h.");

    /// <summary>Prints each state change of the query once, with the data scanned so far.</summary>
    private sealed class StateReporter(Terminal terminal) : IProgress<AthenaQueryProgress>
    {
        private string? _last;

        public void Report(AthenaQueryProgress value)
        {
            if (value.State == _last) return;
            _last = value.State;
            terminal.Note($"athena {value.ExecutionId}: {value.State}, {ByteSize.Format(value.DataScannedInBytes)} scanned after {value.Elapsed.TotalSeconds:F1} s");
        }
    }
}
