using System.Text.RegularExpressions;
using Cronos;
using FlowLogAthena.Core.Engines;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Files;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Loading;
using FlowLogAthena.Core.Sources;
using YamlDotNet.RepresentationModel;

namespace FlowLogAthena.Core.Jobs;

/// <summary>
/// Reads a job file (YAML) into a <see cref="JobDefinition"/>, checking everything that needs no query catalog:
/// required keys, the engine and source, the window and time zone, output placeholders and the cron schedule.
/// Every problem is a <see cref="JobDefinitionException"/> starting with FILE:LINE.
/// </summary>
public static partial class JobFileParser
{
    private static readonly string[] TopKeys = ["name", "source", "engine", "queries", "packs", "parameters", "window", "outputs", "schedule", "manifest", "athena", "aws", "report", "compact"];

    public static JobDefinition Load(string path)
    {
        return Parse(path, InputFile.ReadText(path, reason => new JobDefinitionException($"{path}: the job file {reason}.")));
    }

    public static JobDefinition Parse(string path, string text)
    {
        var root = YamlText.LoadRoot(text, (line, reason) => new JobDefinitionException($"{path}:{line}: {reason}"))
            ?? throw new JobDefinitionException($"{path}:1: the job file is empty.");
        var reader = new FrontMatterReader(path, 1);
        try
        {
            return Read(reader, root);
        }
        catch (QueryDefinitionException e)
        {
            // The shared YAML reader reports its problems as query-file errors; here they are job-file errors.
            throw new JobDefinitionException(e.Message, e);
        }
    }

    private static JobDefinition Read(FrontMatterReader r, YamlNode rootNode)
    {
        var root = r.Mapping(rootNode, "A job file");
        r.CheckKeys(root, "The job", TopKeys);
        var name = r.RequiredText(root, "name", "The job");
        if (!NamePattern().IsMatch(name))
            throw r.Error(FrontMatterReader.Get(root, "name")!, $"job name '{name}' must be letters, digits, '-' or '_' (it names output keys).");

        var engine = ReadEngine(r, root);
        var window = ReadWindow(r, root);
        var queries = ReadItems(r, root, "queries");
        var packs = ReadItems(r, root, "packs");
        var report = ReadReport(r, root);
        if (ReadCompaction(r, root) is { } compact) return ReadCompactionJob(r, root, name, engine, window, compact);
        if (report is not null && (queries.Count > 0 || packs.Count > 0))
            throw r.Error(FrontMatterReader.Get(root, queries.Count > 0 ? "queries" : "packs")!,
                $"a job with 'report: {report.Name}' runs the report's own queries; leave out 'queries' and 'packs'.");
        if (report is null && queries.Count == 0 && packs.Count == 0)
            throw r.Error(root, "The job has no 'queries' or 'packs': list the query ids or pack names to run (or give 'report: weekly').");

        var outputs = ReadOutputs(r, root, report is not null);
        var aws = ReadAws(r, root);
        return new JobDefinition
        {
            Path = r.Path,
            Name = name,
            Engine = engine,
            Source = ReadSource(r, root, engine),
            Queries = queries,
            Packs = packs,
            Parameters = ReadParameters(r, root),
            Window = window,
            Outputs = outputs,
            Schedule = ReadSchedule(r, root, window.TimeZone),
            Manifest = ReadManifest(r, root, outputs[0], report is not null),
            Report = report,
            Athena = ReadAthena(r, root, aws),
            Aws = aws,
        };
    }

    /// <summary>
    /// A compaction job: the Glue text table's window made into its Parquet twin. It runs no queries and writes no
    /// outputs; its run manifest goes beside the twin's day markers unless 'manifest' says where.
    /// </summary>
    private static JobDefinition ReadCompactionJob(FrontMatterReader r, YamlMappingNode root, string name, EngineKind engine, JobWindow window, JobCompaction compact)
    {
        foreach (var key in new[] { "queries", "packs", "report", "parameters", "outputs" })
            if (FrontMatterReader.Get(root, key) is { } node)
                throw r.Error(node, $"a job with 'compact' fills the Parquet twin and runs no queries; leave out '{key}' (run queries on the twin in a job of their own).");
        var sourceNode = FrontMatterReader.Get(root, "source") ?? throw r.Error(root, "The job has no 'source': a 'compact' job needs source.database and source.table, the provisioned text table.");
        var source = r.Mapping(sourceNode, "'source'");
        r.CheckKeys(source, "'source'", "database", "table");
        var database = r.RequiredText(source, "database", "'source'");
        var table = r.RequiredText(source, "table", "'source'");
        var manifest = FrontMatterReader.Get(root, "manifest") is { } manifestNode
            ? new JobOutput(OutputTemplate.TryParseManifest(r.Scalar(manifestNode, "'manifest'").Trim(), out var reason) ?? throw r.Error(manifestNode, reason), r.Line(manifestNode))
            : new JobOutput(OutputTemplate.TryParseManifest($"{compact.Twin.TrimEnd('/')}/{Compaction.TwinLayout.ControlFolder}/runs/{{job}}/{{yyyy}}/{{MM}}/{{dd}}/manifest.json", out var defaultReason)
                ?? throw r.Error(root, defaultReason), compact.Line);
        var aws = ReadAws(r, root);
        return new JobDefinition
        {
            Path = r.Path,
            Name = name,
            Engine = engine,
            Source = new JobSource { Database = database, Table = table },
            Window = window,
            Outputs = [],
            Schedule = ReadSchedule(r, root, window.TimeZone),
            Manifest = manifest,
            Compact = compact,
            Athena = ReadAthena(r, root, aws),
            Aws = aws,
        };
    }

    private static JobCompaction? ReadCompaction(FrontMatterReader r, YamlMappingNode root)
    {
        if (FrontMatterReader.Get(root, "compact") is not { } node) return null;
        var map = r.Mapping(node, "'compact'");
        r.CheckKeys(map, "'compact'", "twin", "table", "force");
        var twin = r.RequiredText(map, "twin", "'compact'");
        if (!twin.StartsWith("s3://", StringComparison.Ordinal) || twin.Length <= 5 || twin[5] == '/')
            throw r.Error(FrontMatterReader.Get(map, "twin")!, $"compact twin '{twin}' must be an s3://bucket/prefix for the Parquet twin.");
        var table = r.OptionalText(map, "table", "'compact'");
        if (table is not null && !TableNamePattern().IsMatch(table))
            throw r.Error(FrontMatterReader.Get(map, "table")!, $"compact table '{table}' must be lower-case letters, digits and '_' (a Glue table name).");
        return new JobCompaction(twin, table, r.OptionalBool(map, "force", "'compact'"), r.Line(node));
    }

    private static EngineKind ReadEngine(FrontMatterReader r, YamlMappingNode root)
    {
        if (FrontMatterReader.Get(root, "engine") is not { } node) return EngineKind.Local;
        var text = r.Scalar(node, "'engine'").Trim();
        return EngineKinds.TryParse(text, out var kind) ? kind : throw r.Error(node, $"engine '{text}' is not local or athena.");
    }

    private static JobSource ReadSource(FrontMatterReader r, YamlMappingNode root, EngineKind engine)
    {
        var node = FrontMatterReader.Get(root, "source") ?? throw r.Error(root, "The job has no 'source': give source.path (a folder or s3://) or source.database and source.table.");
        var map = r.Mapping(node, "'source'");
        r.CheckKeys(map, "'source'", "path", "format", "flow_log_id", "layout", "partitioning", "file_format", "database", "table");
        var location = r.OptionalText(map, "path", "'source'");
        var database = r.OptionalText(map, "database", "'source'");
        var table = r.OptionalText(map, "table", "'source'");
        if (location is not null && (database is not null || table is not null))
            throw r.Error(map, "'source' names both a path and a database/table; give one of them.");
        if (location is null)
        {
            if (database is null || table is null)
                throw r.Error(map, "'source' needs a 'path' (folder or s3://bucket/prefix), or both 'database' and 'table' (a Glue table).");
            if (engine != EngineKind.Athena)
                throw r.Error(map, "a Glue database/table source needs 'engine: athena'; the local engine reads a folder or s3:// path.");
        }
        else if (location.StartsWith("s3://", StringComparison.Ordinal) && location.Length <= 5)
        {
            throw r.Error(FrontMatterReader.Get(map, "path")!, $"source path '{location}' names no bucket (s3://bucket/prefix).");
        }

        FlowLogFormat? format = null;
        var formatText = r.OptionalText(map, "format", "'source'");
        if (formatText is not null)
        {
            try
            {
                format = FlowLogFormat.Parse(formatText);
            }
            catch (FlowLogFormatException e)
            {
                throw r.Error(FrontMatterReader.Get(map, "format")!, e.Message);
            }
        }
        string? flowLogId = null;
        if (FrontMatterReader.Get(map, "flow_log_id") is { } idNode)
        {
            try
            {
                flowLogId = FlowLogIds.Parse(r.Scalar(idNode, "'flow_log_id' of 'source'"), "source flow_log_id");
            }
            catch (UsageException e)
            {
                throw r.Error(idNode, e.Message);
            }
        }
        var layout = new SourceLayout(
            Choice(r, map, "layout", PrefixStyle.Default, ("default", PrefixStyle.Default), ("hive", PrefixStyle.Hive)),
            Choice(r, map, "partitioning", Partitioning.Daily, ("daily", Partitioning.Daily), ("hourly", Partitioning.Hourly)),
            Choice(r, map, "file_format", LogFileFormat.Text, ("text", LogFileFormat.Text), ("parquet", LogFileFormat.Parquet)));
        return new JobSource
        {
            Location = location,
            Database = database,
            Table = table,
            Format = format,
            FormatText = formatText,
            Layout = layout,
            FlowLogId = flowLogId,
        };
    }

    private static T Choice<T>(FrontMatterReader r, YamlMappingNode map, string key, T fallback, params (string Name, T Value)[] choices)
    {
        if (FrontMatterReader.Get(map, key) is not { } node) return fallback;
        var text = r.Scalar(node, $"'{key}' of 'source'").Trim();
        foreach (var (name, value) in choices)
            if (name == text) return value;
        throw r.Error(node, $"source {key} '{text}' is not one of: {string.Join(", ", choices.Select(c => c.Name))}.");
    }

    private static List<JobItem> ReadItems(FrontMatterReader r, YamlMappingNode root, string key)
    {
        if (FrontMatterReader.Get(root, key) is not { } node) return [];
        var items = r.ScalarList(node, $"'{key}'").Select(x => new JobItem(x.Value, r.Line(x.Node))).ToList();
        foreach (var empty in items.Where(i => i.Value.Length == 0))
            throw new JobDefinitionException($"{r.Path}:{empty.Line}: an item of '{key}' is empty.");
        return items;
    }

    private static List<JobParameter> ReadParameters(FrontMatterReader r, YamlMappingNode root)
    {
        if (FrontMatterReader.Get(root, "parameters") is not { } node) return [];
        var map = r.Mapping(node, "'parameters'");
        var result = new List<JobParameter>();
        foreach (var (key, value) in map.Children)
        {
            var name = r.Scalar(key, "A parameter name").Trim();
            // A YAML list is the comma-separated text --param takes: [10.0.0.0/8, 172.16.0.0/12].
            var text = value is YamlSequenceNode
                ? string.Join(',', r.ScalarList(value, $"parameter '{name}'").Select(x => x.Value))
                : r.Scalar(value, $"parameter '{name}'");
            result.Add(new JobParameter(name, text, r.Line(key), r.Line(value)));
        }
        return result;
    }

    private static JobWindow ReadWindow(FrontMatterReader r, YamlMappingNode root)
    {
        var node = FrontMatterReader.Get(root, "window")
            ?? throw r.Error(root, $"The job has no 'window': give window.relative ({string.Join(", ", RelativeWindow.Names)}) with window.time_zone, or window.from and window.to.");
        if (node is YamlScalarNode scalar)
            return new JobWindow { Relative = ParseRelative(r, scalar), TimeZone = TimeZoneInfo.Utc, Line = r.Line(node) };

        var map = r.Mapping(node, "'window'");
        r.CheckKeys(map, "'window'", "relative", "time_zone", "from", "to");
        var zone = TimeZoneInfo.Utc;
        if (FrontMatterReader.Get(map, "time_zone") is { } zoneNode)
        {
            var id = r.Scalar(zoneNode, "'time_zone' of 'window'").Trim();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
                throw r.Error(zoneNode, $"time zone '{id}' is unknown; use an IANA name such as Europe/Berlin, America/New_York or UTC.");
            zone = found;
        }

        var relative = FrontMatterReader.Get(map, "relative");
        var from = FrontMatterReader.Get(map, "from");
        var to = FrontMatterReader.Get(map, "to");
        if (relative is not null)
        {
            if (from is not null || to is not null) throw r.Error(map, "'window' has both 'relative' and 'from'/'to'; give one of them.");
            return new JobWindow { Relative = ParseRelative(r, relative), TimeZone = zone, Line = r.Line(relative) };
        }
        if (from is null || to is null)
            throw r.Error(map, $"'window' needs 'relative' ({string.Join(", ", RelativeWindow.Names)}), or both 'from' and 'to'.");
        try
        {
            var window = TimeWindow.Parse(r.Scalar(from, "'from'"), r.Scalar(to, "'to'"), "window.from", "window.to");
            return new JobWindow { Absolute = window, TimeZone = zone, Line = r.Line(to) };
        }
        catch (TimeWindowException e)
        {
            throw r.Error(map, e.Message);
        }
    }

    private static RelativeWindow ParseRelative(FrontMatterReader r, YamlNode node) =>
        RelativeWindow.TryParse(r.Scalar(node, "'relative' of 'window'").Trim(), out var reason) ?? throw r.Error(node, "window " + reason);

    private static JobReport? ReadReport(FrontMatterReader r, YamlMappingNode root)
    {
        if (FrontMatterReader.Get(root, "report") is not { } node) return null;
        var name = r.Scalar(node, "'report'").Trim();
        return new JobReport(name, r.Line(node));
    }

    private static List<JobOutput> ReadOutputs(FrontMatterReader r, YamlMappingNode root, bool folders)
    {
        var node = FrontMatterReader.Get(root, "outputs")
            ?? throw r.Error(root, folders
                ? "The job has no 'outputs': give at least one folder or s3:// prefix for the report, e.g. out/{job}/{yyyy}/{MM}/{dd}/."
                : "The job has no 'outputs': give at least one path or s3:// key template, e.g. out/{job}/{yyyy}/{MM}/{dd}/{query}.csv.");
        var outputs = new List<JobOutput>();
        foreach (var (text, item) in r.ScalarList(node, "'outputs'"))
        {
            var template = (folders ? OutputTemplate.TryParseFolder(text, out var reason) : OutputTemplate.TryParse(text, out reason)) ?? throw r.Error(item, reason);
            outputs.Add(new JobOutput(template, r.Line(item)));
        }
        return outputs.Count > 0 ? outputs : throw r.Error(node, "'outputs' is empty.");
    }

    private static JobOutput ReadManifest(FrontMatterReader r, YamlMappingNode root, JobOutput firstOutput, bool folders)
    {
        if (FrontMatterReader.Get(root, "manifest") is not { } node)
            return firstOutput with { Template = folders ? OutputTemplate.DefaultFolderManifest(firstOutput.Template) : OutputTemplate.DefaultManifest(firstOutput.Template) };
        var template = OutputTemplate.TryParseManifest(r.Scalar(node, "'manifest'").Trim(), out var reason) ?? throw r.Error(node, reason);
        return new JobOutput(template, r.Line(node));
    }

    private static JobAthenaSettings ReadAthena(FrontMatterReader r, YamlMappingNode root, JobAwsSettings aws)
    {
        if (FrontMatterReader.Get(root, "athena") is not { } node) return new();
        var map = r.Mapping(node, "'athena'");
        r.CheckKeys(map, "'athena'", "workgroup", "output_location", "result_encryption", "timeout");
        var location = r.OptionalText(map, "output_location", "'athena'");
        if (location is not null && !location.StartsWith("s3://", StringComparison.Ordinal))
            throw r.Error(FrontMatterReader.Get(map, "output_location")!, $"athena output_location '{location}' must be an s3:// folder.");
        var encryption = r.OptionalText(map, "result_encryption", "'athena'");
        if (encryption is not null and not ("SSE_S3" or "SSE_KMS" or "CSE_KMS"))
            throw r.Error(FrontMatterReader.Get(map, "result_encryption")!, $"athena result_encryption '{encryption}' is not SSE_S3, SSE_KMS or CSE_KMS.");
        if (encryption is "SSE_KMS" or "CSE_KMS" && aws.KmsKey is null)
            throw r.Error(FrontMatterReader.Get(map, "result_encryption")!, $"athena result_encryption {encryption} needs a KMS key: give aws.kms_key.");
        TimeSpan? timeout = null;
        if (r.OptionalText(map, "timeout", "'athena'") is { } text)
            timeout = Running.Duration.TryParse(text, out var parsed) ? parsed
                : throw r.Error(FrontMatterReader.Get(map, "timeout")!, $"athena timeout '{text}' is not a duration such as 90s, 15m or 1h.");
        return new JobAthenaSettings { WorkGroup = r.OptionalText(map, "workgroup", "'athena'"), OutputLocation = location, ResultEncryption = encryption, Timeout = timeout };
    }

    private static JobAwsSettings ReadAws(FrontMatterReader r, YamlMappingNode root)
    {
        if (FrontMatterReader.Get(root, "aws") is not { } node) return new();
        var map = r.Mapping(node, "'aws'");
        r.CheckKeys(map, "'aws'", "expected_bucket_owner", "kms_key");
        var owner = r.OptionalText(map, "expected_bucket_owner", "'aws'");
        if (owner is not null && (owner.Length != 12 || !owner.All(char.IsAsciiDigit)))
            throw r.Error(FrontMatterReader.Get(map, "expected_bucket_owner")!, $"aws expected_bucket_owner '{owner}' is not a 12-digit account id.");
        return new JobAwsSettings { ExpectedBucketOwner = owner, KmsKey = r.OptionalText(map, "kms_key", "'aws'") };
    }

    private static JobSchedule? ReadSchedule(FrontMatterReader r, YamlMappingNode root, TimeZoneInfo zone)
    {
        if (FrontMatterReader.Get(root, "schedule") is not { } node) return null;
        var text = r.Scalar(node, "'schedule'").Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            var cron = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return new JobSchedule(text, cron, zone, r.Line(node));
        }
        catch (CronFormatException e)
        {
            throw r.Error(node, $"schedule '{text}' is not a cron expression (minute hour day-of-month month day-of-week, e.g. '0 6 * * *'): {e.Message}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9_]{1,255}$")]
    private static partial Regex TableNamePattern();
}
