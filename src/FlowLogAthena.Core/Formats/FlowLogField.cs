namespace FlowLogAthena.Core.Formats;

/// <summary>One field AWS documents for VPC or Transit Gateway flow log records (or both, see <see cref="FieldCatalog"/>).</summary>
/// <param name="Name">AWS name as written in a format string, e.g. <c>log-status</c>.</param>
/// <param name="Version">Flow log format version that introduced the field.</param>
/// <param name="Type">Logical type (Parquet delivery type; text delivery writes strings).</param>
/// <param name="Meaning">One line of what the field says.</param>
/// <param name="CodedValues">Known codes and their labels, e.g. traffic-path 1–8.</param>
/// <param name="Confirmed">False where only third-party sources describe the field or its type.</param>
public sealed record FlowLogField(
    string Name,
    int Version,
    FieldType Type,
    string Meaning,
    IReadOnlyDictionary<string, string> CodedValues,
    bool Confirmed = true)
{
    /// <summary>Column name in Glue, Athena and DuckDB: the AWS name with <c>-</c> replaced by <c>_</c>.</summary>
    public string ColumnName { get; } = Name.Replace('-', '_');

    public string AthenaType => Type.AthenaType();

    public string DuckDbType => Type.DuckDbType();

    public string ParquetType => Type.ParquetType();

    /// <summary>The largest value a record can hold in this whole-number field (ports 65535, protocol 255); every one is at least 0.</summary>
    public long MaxValue { get; init; } = Type.MaxValue();

    /// <summary>
    /// The narrowest unsigned DuckDB type that holds exactly the field's values, for reading text: DuckDB's CSV
    /// reader then refuses a port of 70000 or negative bytes itself, naming file, line and column.
    /// </summary>
    public string CheckedDuckDbType => Type == FieldType.String ? DuckDbType : MaxValue switch
    {
        <= byte.MaxValue => "UTINYINT",
        <= ushort.MaxValue => "USMALLINT",
        <= uint.MaxValue => "UINTEGER",
        _ => "UBIGINT",
    };

    /// <summary>What a value of the field must be, for error messages.</summary>
    public string ValidValues => Type == FieldType.String ? "text" : $"a whole number from 0 to {MaxValue}";

    /// <summary>What the field says in Transit Gateway flow logs, where a shared field says it of the gateway; null when the same.</summary>
    public string? TransitGatewayMeaning { get; init; }

    /// <summary>What the field says in flow logs of the kind.</summary>
    public string MeaningIn(FlowLogKind kind) => kind == FlowLogKind.TransitGateway ? TransitGatewayMeaning ?? Meaning : Meaning;

    /// <summary>The label for a coded value, or null when the value has none.</summary>
    public string? LabelOf(string? value) =>
        value is not null && CodedValues.TryGetValue(value, out var label) ? label : null;
}
