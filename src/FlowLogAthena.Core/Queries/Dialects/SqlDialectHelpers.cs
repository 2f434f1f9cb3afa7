using System.Globalization;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Queries.Parameters;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>
/// The SQL pieces a query template may use, one implementation per dialect, so templates never branch on the
/// engine. Everything here emits either identifiers it quotes itself or literals of validated values.
/// </summary>
public abstract class SqlDialectHelpers
{
    public static SqlDialectHelpers For(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Athena => AthenaSqlHelpers.Instance,
        SqlDialect.DuckDb => DuckDbSqlHelpers.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown SQL dialect."),
    };

    public abstract SqlDialect Dialect { get; }

    /// <summary>
    /// Quotes an identifier with double quotes (doubling any inside). Both dialects accept this, and quoting
    /// every name means no reserved-word list (<c>end</c>, <c>date</c>, <c>day</c>, …) can be out of date.
    /// </summary>
    public virtual string QuoteIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(char.IsControl))
            throw new ArgumentException($"'{name}' cannot be an SQL identifier: it is empty or holds control characters.", nameof(name));
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The quoted column of a flow-log field, e.g. <c>"log_status"</c> for <c>log-status</c>.</summary>
    public string Column(FlowLogField field) => QuoteIdentifier(field.ColumnName);

    /// <summary>A single-quoted string literal with quotes doubled (values are validated before they get here).</summary>
    public virtual string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Digits; a negative number is parenthesised so it can never join a preceding '-' into a comment.</summary>
    public virtual string IntegerLiteral(long value) =>
        value < 0 ? $"({value.ToString(CultureInfo.InvariantCulture)})" : value.ToString(CultureInfo.InvariantCulture);

    public virtual string DateLiteral(DateOnly value) =>
        "DATE '" + value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>
    /// <c>CAST('0.09' AS DECIMAL(18, 6))</c>: a typed literal would not do, as DuckDB reads <c>DECIMAL '0.0045'</c> as
    /// DECIMAL(18,3) and rounds it, so both engines get the same explicit type and the same exact value.
    /// </summary>
    public virtual string DecimalLiteral(decimal value) =>
        $"CAST({StringLiteral(DecimalText.Format(value))} AS {DecimalText.SqlType})";

    /// <summary>
    /// A mapping's rows as an inline table, <c>(VALUES ('i-1', 'team-a'), …) AS "alias"("resource_id", "cost_center")</c>.
    /// Every value is a string literal with its quotes doubled (neither engine gives backslashes a meaning there),
    /// so no cell can end its literal; the values stay inline on every engine, even where others are bound.
    /// </summary>
    public string MappingTable(MappingValue mapping, string alias)
    {
        var rows = mapping.Rows.Select(row => "(" + string.Join(", ", row.Select(StringLiteral)) + ")");
        return $"(VALUES {string.Join(", ", rows)}) AS {QuoteIdentifier(alias)}({string.Join(", ", mapping.Columns.Select(QuoteIdentifier))})";
    }

    /// <summary>The literal of a validated parameter value.</summary>
    /// <remarks>Timestamps render as Unix seconds because flow-log <c>start</c> and <c>end</c> are Unix seconds;
    /// addresses and networks render as their canonical text; lists as comma lists for <c>IN (…)</c>.</remarks>
    public string Literal(ParameterValue value) => value switch
    {
        IntegerValue v => IntegerLiteral(v.Value),
        TextValue v => StringLiteral(v.Value),
        DateValue v => DateLiteral(v.Value),
        TimestampValue v => IntegerLiteral(v.UnixSeconds),
        IpAddressValue or CidrValue => StringLiteral(value.Canonical),
        ListValue v => string.Join(", ", v.Items.Select(Literal)),
        DecimalValue v => DecimalLiteral(v.Value),
        _ => throw new ArgumentException($"No literal form for a {value.Type.ToName()} value.", nameof(value)),
    };

    /// <summary>
    /// A parameter value in the SQL: its literal here; dialects that bind values instead (Athena's execution
    /// parameters) append the literal to <paramref name="executionParameters"/> and return a placeholder.
    /// </summary>
    public virtual string Bind(ParameterValue value, ICollection<string> executionParameters) => Literal(value);

    /// <summary>
    /// A predicate keeping the records whose <c>start</c> lies in the window, plus whatever partition pruning the
    /// dialect's table needs. Parenthesised, so it can be combined with AND/OR as one term.
    /// </summary>
    public abstract string TimeWindowPredicate(TimeWindow window, Partitioning partitioning, PrefixStyle prefix = PrefixStyle.Default);

    /// <summary>
    /// The rows of one flow log's files, when several flow logs share the table's prefix; null when the dialect's
    /// table already holds only that flow log's files.
    /// </summary>
    public abstract string? FlowLogFilePredicate(string flowLogId);

    /// <summary>
    /// The records that logged data: <c>"log_status" = 'OK'</c> when the format has log-status, else <c>"bytes" IS NOT NULL</c>
    /// (NODATA and SKIPDATA records write '-' in every data field, which reads as NULL). One comparison, no parentheses needed.
    /// </summary>
    public string LoggedDataPredicate(bool formatHasLogStatus) => formatHasLogStatus
        ? $"{Column(FieldCatalog.Get("log-status"))} = {StringLiteral(FieldCodes.LogStatus.Ok)}"
        : $"{Column(FieldCatalog.Get("bytes"))} IS NOT NULL";

    /// <summary>
    /// True when the address text in <paramref name="columnSql"/> lies in any of the networks, false otherwise
    /// (also for NULL, '-' or text that is not an address of the network's family). Never NULL.
    /// </summary>
    public string CidrMatch(string columnSql, IReadOnlyList<IpNetwork> networks) => networks.Count == 0
        ? throw new ArgumentException("At least one network is needed.", nameof(networks))
        : AnyNetworkMatch(columnSql, networks);

    /// <summary>The match against a non-empty list of networks; see <see cref="CidrMatch"/> for the contract.</summary>
    protected abstract string AnyNetworkMatch(string columnSql, IReadOnlyList<IpNetwork> networks);

    /// <summary>
    /// The address text in <paramref name="columnSql"/> as the 32 upper-case hex digits of its 16 bytes, IPv4 as
    /// <c>::ffff:a.b.c.d</c> (Trino's IPADDRESS bytes); NULL for anything that is not an address.
    /// </summary>
    public abstract string AddressHex(string columnSql);

    /// <summary>
    /// A SELECT classifying each distinct address of <paramref name="cte"/>.<paramref name="column"/> by AWS's ranges
    /// table (<see cref="IpRanges.AwsIpRangeRows"/>): columns <c>address</c> and the table's <c>aws_*</c> columns, NULL
    /// where no AWS range holds the address. The join is an equality on the address's bucket (its IPv4 /16, its IPv6
    /// /32) with the interval's bounds checked inside it, so no engine plans a cross join; distinct addresses first, as a
    /// week of records repeats them.
    /// </summary>
    public string AwsRangesLookup(string rangesTable, string cte, string column)
    {
        string Q(string name) => QuoteIdentifier(name);
        var hex = $"{Q("a")}.{Q("address_hex")}";
        var bucket = $"substr({hex}, 1, CASE WHEN substr({hex}, 1, {IpRanges.AwsIpRangeRows.Ipv4MappedHexPrefix.Length}) = "
            + $"{StringLiteral(IpRanges.AwsIpRangeRows.Ipv4MappedHexPrefix)} THEN {IpRanges.AwsIpRangeRows.Ipv4BucketDigits} "
            + $"ELSE {IpRanges.AwsIpRangeRows.Ipv6BucketDigits} END)";
        var outputs = IpRanges.AwsIpRangeRows.Columns.Where(c => c.StartsWith("aws_", StringComparison.Ordinal)).Select(c => $"{Q("r")}.{Q(c)}");
        return $"SELECT {Q("a")}.{Q("address")}, {string.Join(", ", outputs)}"
            + $" FROM (SELECT {Q("d")}.{Q("address")}, {AddressHex($"{Q("d")}.{Q("address")}")} AS {Q("address_hex")}"
            + $" FROM (SELECT DISTINCT {Q(column)} AS {Q("address")} FROM {Q(cte)}) AS {Q("d")}) AS {Q("a")}"
            + $" LEFT JOIN {rangesTable} AS {Q("r")} ON {Q("r")}.{Q("bucket")} = {bucket}"
            + $" AND {hex} BETWEEN {Q("r")}.{Q("first_hex")} AND {Q("r")}.{Q("last_hex")}";
    }

    /// <summary>
    /// The value of a string map column under a key, NULL when the map lacks it: the subscript only where the key is
    /// there, as Trino's subscript fails on a missing key and DuckDB's element_at gives a list; the same SQL on both.
    /// </summary>
    public string MapValue(string mapSql, string key) =>
        $"CASE WHEN contains(map_keys({mapSql}), {StringLiteral(key)}) THEN {mapSql}[{StringLiteral(key)}] END";

    /// <summary>
    /// The interface inventory's latest snapshot as a relation for FROM or JOIN: every row of the table whose
    /// <c>snapshot</c> is the newest, the same SQL on both engines.
    /// </summary>
    public string LatestInterfaces(string inventoryTable) =>
        $"(SELECT * FROM {inventoryTable} WHERE {QuoteIdentifier("snapshot")} = (SELECT max({QuoteIdentifier("snapshot")}) FROM {inventoryTable}))";

    /// <summary>
    /// A CASE expression giving the catalog label of a coded field's value (e.g. traffic-path 1 → "same VPC"),
    /// <paramref name="nullLabel"/> for NULL, and <c>code N</c> for a code the catalog does not know.
    /// </summary>
    public virtual string CodeLabel(string columnSql, FlowLogField field, string nullLabel)
    {
        var numeric = field.Type != FieldType.String;
        var codes = numeric
            ? field.CodedValues.OrderBy(kv => long.Parse(kv.Key, CultureInfo.InvariantCulture))
            : field.CodedValues.OrderBy(kv => kv.Key, StringComparer.Ordinal);
        var whens = codes.Select(kv =>
            $" WHEN {columnSql} = {(numeric ? IntegerLiteral(long.Parse(kv.Key, CultureInfo.InvariantCulture)) : StringLiteral(kv.Key))} THEN {StringLiteral(kv.Value)}");
        return $"CASE WHEN {columnSql} IS NULL THEN {StringLiteral(nullLabel)}{string.Concat(whens)}"
            + $" ELSE 'code ' || CAST({columnSql} AS VARCHAR) END";
    }

    /// <summary><c>"start" &gt;= from AND "start" &lt; to</c> in Unix seconds: the window's own bounds.</summary>
    protected string StartBounds(TimeWindow window)
    {
        var start = Column(FieldCatalog.Get("start"));
        return $"{start} >= {IntegerLiteral(window.FromUnixSeconds)} AND {start} < {IntegerLiteral(window.ToUnixSecondsExclusive)}";
    }
}
