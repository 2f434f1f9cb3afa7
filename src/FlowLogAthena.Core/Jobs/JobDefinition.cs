using Cronos;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// A job file as written: what to read, which queries to run with which parameters, over which window, where to
/// write, and when. Every part keeps the file line it came from, so checks against the query catalog
/// (<see cref="JobValidator"/>) can still name the line.
/// </summary>
public sealed record JobDefinition
{
    public required string Path { get; init; }

    public required string Name { get; init; }

    public required JobSource Source { get; init; }

    public required EngineKind Engine { get; init; }

    /// <summary>Query ids (or pack/id) listed under <c>queries:</c>.</summary>
    public IReadOnlyList<JobItem> Queries { get; init; } = [];

    /// <summary>Pack names listed under <c>packs:</c> (<c>all</c> is every pack).</summary>
    public IReadOnlyList<JobItem> Packs { get; init; } = [];

    /// <summary>A report written instead of one output per query; its outputs are then folders.</summary>
    public JobReport? Report { get; init; }

    /// <summary>Compaction of the window into the text table's Parquet twin, instead of queries (<c>compact:</c>).</summary>
    public JobCompaction? Compact { get; init; }

    /// <summary>Query parameters; a YAML list value is joined with commas, as <c>--param</c> takes it.</summary>
    public IReadOnlyList<JobParameter> Parameters { get; init; } = [];

    public required JobWindow Window { get; init; }

    public required IReadOnlyList<JobOutput> Outputs { get; init; }

    public JobSchedule? Schedule { get; init; }

    /// <summary>Where a run's manifest goes; by default beside the first output (<see cref="OutputTemplate.DefaultManifest"/>).</summary>
    public required JobOutput Manifest { get; init; }

    /// <summary>How the Athena engine runs the job's queries (engine: athena).</summary>
    public JobAthenaSettings Athena { get; init; } = new();

    /// <summary>The bucket owner and KMS key for every S3 read and write of the job.</summary>
    public JobAwsSettings Aws { get; init; } = new();

    /// <summary><c>FILE:LINE: message</c>; line 0 is a <c>--param</c> given on the command line.</summary>
    public JobDefinitionException Error(int line, string message) =>
        new(line > 0 ? $"{Path}:{line}: {message}" : $"{Path} (with --param): {message}");

    /// <summary>The job with command-line parameters added or replacing the file's (<c>job run --param</c>).</summary>
    public JobDefinition WithParameters(IReadOnlyDictionary<string, string> overrides)
    {
        if (overrides.Count == 0) return this;
        var kept = Parameters.Where(p => !overrides.ContainsKey(p.Name));
        return this with { Parameters = [.. kept, .. overrides.Select(o => new JobParameter(o.Key, o.Value, 0, 0))] };
    }
}

/// <summary>The job file's <c>athena:</c> section: workgroup, result location and encryption, and a per-query timeout.</summary>
public sealed record JobAthenaSettings
{
    public string? WorkGroup { get; init; }

    public string? OutputLocation { get; init; }

    /// <summary>SSE_S3, SSE_KMS or CSE_KMS; SSE_S3 (or SSE_KMS with <c>aws.kms_key</c>) when not given.</summary>
    public string? ResultEncryption { get; init; }

    /// <summary>Each query is stopped after this long; it is never left running.</summary>
    public TimeSpan? Timeout { get; init; }
}

/// <summary>The job file's <c>aws:</c> section.</summary>
public sealed record JobAwsSettings
{
    /// <summary>The 12-digit account that must own every bucket the job reads or writes.</summary>
    public string? ExpectedBucketOwner { get; init; }

    /// <summary>KMS key for what the job writes to S3 (SSE-S3 when not given).</summary>
    public string? KmsKey { get; init; }
}

/// <summary>The job file's <c>compact:</c> section: the twin's s3:// prefix, its Glue table, and whether up-to-date days are redone.</summary>
public sealed record JobCompaction(string Twin, string? Table, bool Force, int Line);

/// <summary>One named item of a list in the job file, with its line.</summary>
public sealed record JobItem(string Value, int Line);

/// <summary>One query parameter: the key's line names an unknown parameter, the value's line a bad value.</summary>
public sealed record JobParameter(string Name, string Value, int NameLine, int ValueLine);

/// <summary>
/// Where the records are: a folder or <c>s3://</c> prefix holding AWSLogs/ (with the flow log's format and
/// layout), or a Glue database and table for Athena.
/// </summary>
public sealed record JobSource
{
    /// <summary>Local folder or s3://bucket/prefix; null for a Glue table.</summary>
    public string? Location { get; init; }

    /// <summary>The LogFormat, when given; otherwise a run reads it from the files' header (as <c>run</c> does).</summary>
    public FlowLogFormat? Format { get; init; }

    public string? FormatText { get; init; }

    public SourceLayout Layout { get; init; } = SourceLayout.DefaultLayout;

    /// <summary>The one flow log to read where several deliver to the prefix (flow_log_id); null reads them all.</summary>
    public string? FlowLogId { get; init; }

    public string? Database { get; init; }

    public string? Table { get; init; }

    public override string ToString() => Location ?? $"{Database}.{Table}";
}

/// <summary>A relative window in a time zone, or an absolute one (from/to).</summary>
public sealed record JobWindow
{
    public RelativeWindow? Relative { get; init; }

    public TimeWindow? Absolute { get; init; }

    /// <summary>The zone for relative windows, output date placeholders and the cron schedule; UTC when not given.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public required int Line { get; init; }

    /// <summary>The absolute window a run at <paramref name="now"/> covers.</summary>
    public TimeWindow Resolve(DateTimeOffset now) => Absolute ?? Relative!.Resolve(now, TimeZone);

    /// <summary>The window's first local day, for the output placeholders.</summary>
    public DateOnly FirstLocalDay(TimeWindow window) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(window.From, TimeZone));

    public override string ToString() => Relative is not null ? $"{Relative.Name} ({TimeZone.Id})" : Absolute!.ToString();
}

/// <summary>One output template with its line.</summary>
public sealed record JobOutput(OutputTemplate Template, int Line);

/// <summary>A cron schedule, evaluated in the window's time zone (Cronos handles the DST days: a time skipped by
/// spring-forward runs at the transition, a time repeated by fall-back runs once).</summary>
public sealed record JobSchedule(string Text, CronExpression Cron, TimeZoneInfo TimeZone, int Line)
{
    public DateTimeOffset? Next(DateTimeOffset after) => Cron.GetNextOccurrence(after, TimeZone);
}
