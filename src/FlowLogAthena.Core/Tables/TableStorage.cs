using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Tables;

/// <summary>Where a table's data is and how Athena reads it: Glue's StorageDescriptor without the columns.</summary>
/// <param name="Location">The S3 folder that holds the data, ending in <c>/</c>.</param>
/// <param name="SerializationLibrary">The SerDe class.</param>
/// <param name="SerdeParameters">The SerDe's properties (<c>WITH SERDEPROPERTIES</c>).</param>
public sealed record TableStorage(
    string Location,
    string InputFormat,
    string OutputFormat,
    string SerializationLibrary,
    IReadOnlyDictionary<string, string> SerdeParameters)
{
    public const string TextInputFormat = "org.apache.hadoop.mapred.TextInputFormat";
    public const string TextOutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    public const string LazySimpleSerDe = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    public const string ParquetInputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    public const string ParquetOutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    public const string ParquetSerDe = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    /// <summary>
    /// Gzip text, one record a line, fields separated by one space. <c>-</c> (AWS's "does not apply") reads as
    /// NULL in every column, as the DuckDB view's <c>nullstr='-'</c> does, so both engines give the same answers.
    /// </summary>
    public static TableStorage Text(string location) => new(location, TextInputFormat, TextOutputFormat, LazySimpleSerDe,
        new Dictionary<string, string>
        {
            ["field.delim"] = " ",
            ["serialization.format"] = " ",
            ["serialization.null.format"] = "-",
        });

    /// <summary>Parquet, read by column name.</summary>
    public static TableStorage Parquet(string location) =>
        new(location, ParquetInputFormat, ParquetOutputFormat, ParquetSerDe, new Dictionary<string, string>());

    public static TableStorage For(LogFileFormat format, string location) =>
        format == LogFileFormat.Parquet ? Parquet(location) : Text(location);
}
