namespace FlowLogAthena.Core.Sources;

/// <summary>How AWS names the S3 prefixes: the default path or Hive-compatible <c>key=value</c> folders.</summary>
public enum PrefixStyle
{
    Default,
    Hive,
}

/// <summary>Whether AWS adds an hour folder below the day.</summary>
public enum Partitioning
{
    Daily,
    Hourly,
}

/// <summary>How the records are stored: gzip text or Parquet.</summary>
public enum LogFileFormat
{
    Text,
    Parquet,
}

/// <summary>The delivery options a flow log to S3 was created with.</summary>
public sealed record SourceLayout(
    PrefixStyle Prefix = PrefixStyle.Default,
    Partitioning Partitioning = Partitioning.Daily,
    LogFileFormat FileFormat = LogFileFormat.Text)
{
    public static SourceLayout DefaultLayout { get; } = new();

    public string FileExtension => FileFormat == LogFileFormat.Parquet ? ".log.parquet" : ".log.gz";

    public override string ToString() =>
        $"{Prefix.ToString().ToLowerInvariant()}/{Partitioning.ToString().ToLowerInvariant()}/{FileFormat.ToString().ToLowerInvariant()}";
}
