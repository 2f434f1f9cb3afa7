namespace FlowLogAthena.Core.Formats;

/// <summary>The logical type of a flow-log field; each engine maps it to its own SQL type.</summary>
public enum FieldType
{
    /// <summary>Parquet INT_32, Athena <c>int</c>, DuckDB <c>INTEGER</c>.</summary>
    Int32,

    /// <summary>Parquet INT_64, Athena <c>bigint</c>, DuckDB <c>BIGINT</c>.</summary>
    Int64,

    /// <summary>Parquet STRING, Athena <c>string</c>, DuckDB <c>VARCHAR</c>.</summary>
    String,
}

public static class FieldTypeNames
{
    public static string AthenaType(this FieldType type) => type switch
    {
        FieldType.Int32 => "int",
        FieldType.Int64 => "bigint",
        _ => "string",
    };

    public static string DuckDbType(this FieldType type) => type switch
    {
        FieldType.Int32 => "INTEGER",
        FieldType.Int64 => "BIGINT",
        _ => "VARCHAR",
    };

    /// <summary>The largest value the type stores (strings have no numeric bound).</summary>
    public static long MaxValue(this FieldType type) => type switch
    {
        FieldType.Int32 => int.MaxValue,
        _ => long.MaxValue,
    };

    public static string ParquetType(this FieldType type) => type switch
    {
        FieldType.Int32 => "INT_32",
        FieldType.Int64 => "INT_64",
        _ => "STRING",
    };
}
