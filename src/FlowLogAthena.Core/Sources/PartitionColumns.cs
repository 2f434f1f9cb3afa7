namespace FlowLogAthena.Core.Sources;

/// <summary>
/// The partition columns every FlowLogAthena table exposes beside the format's columns, on every engine:
/// Glue partition keys (projected or registered) on Athena, and columns derived from the file path in the
/// DuckDB view. Their names cannot clash with a flow-log field's column name.
/// </summary>
public static class PartitionColumns
{
    /// <summary>Account id folder of the object (string, keeps leading zeros).</summary>
    public const string Account = "aws_account_id";

    /// <summary>Region folder of the object.</summary>
    public const string Region = "aws_region";

    /// <summary>Day folder as <c>yyyy/MM/dd</c> (string; sorts like the date).</summary>
    public const string Day = "day";

    /// <summary>Hour folder as <c>HH</c>; only for hourly partitioning.</summary>
    public const string Hour = "hour";

    public const string DayFormat = "yyyy/MM/dd";

    public const string HourFormat = "HH";

    /// <summary>Whether a column name is one of these (as a twin's or the store's Parquet files may carry them).</summary>
    public static bool IsPartitionColumn(string name) => name is Account or Region or Day or Hour;
}
