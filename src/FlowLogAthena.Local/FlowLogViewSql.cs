using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local;

/// <summary>
/// The DuckDB view that plays the role of the Glue table: the format's columns with their explicit types
/// (never auto-detected: account ids would lose leading zeros) over only the pruned files, plus the
/// partition columns derived from each file's path.
/// </summary>
internal static class FlowLogViewSql
{
    public static string Create(string viewName, FlowLogSource source, IReadOnlyList<LogFile> files)
    {
        var fileList = FileList(files);
        var fields = source.Format.Fields;
        string scan;
        string[] columns;
        if (source.Layout.FileFormat == LogFileFormat.Parquet)
        {
            // Parquet stores the types AWS chose; cast so every engine sees the catalog's types.
            scan = $"read_parquet({fileList}, filename = true, file_row_number = true)";
            columns = fields.Select(CheckedParquetColumn).ToArray();
        }
        else
        {
            // Read each number as the narrowest type that holds its valid values, so the CSV reader itself refuses a
            // port of 70000 or negative bytes with file, line and column; then cast to the catalog's type.
            var typed = string.Join(", ", fields.Select(f => $"{DuckDbSql.String(f.ColumnName)}: {DuckDbSql.String(f.CheckedDuckDbType)}"));
            scan = $"read_csv({fileList}, delim = ' ', header = true, nullstr = '-', compression = 'gzip', "
                 + $"auto_detect = false, quote = '', escape = '', strict_mode = true, filename = true, columns = {{{typed}}})";
            columns = fields.Select(f => f.CheckedDuckDbType == f.DuckDbType
                ? DuckDbSql.Identifier(f.ColumnName)
                : $"CAST({DuckDbSql.Identifier(f.ColumnName)} AS {f.DuckDbType}) AS {DuckDbSql.Identifier(f.ColumnName)}").ToArray();
        }

        var partitions = PartitionExpressions(source.Layout);
        return $"CREATE OR REPLACE TEMP VIEW {DuckDbSql.Identifier(viewName)} AS SELECT {string.Join(", ", columns.Concat(partitions))} FROM {scan}";
    }

    /// <summary>A Parquet column cast to the catalog's type; a number no flow log can hold stops the query, naming file, row and field.</summary>
    private static string CheckedParquetColumn(FlowLogField field)
    {
        var column = DuckDbSql.Identifier(field.ColumnName);
        var cast = $"CAST({column} AS {field.DuckDbType})";
        if (field.Type == FieldType.String) return $"{cast} AS {column}";
        var message = $"'{ParquetValueError} ''' || filename || ''', row ' || CAST(file_row_number + 1 AS VARCHAR) || ', field {field.ColumnName}: ' || CAST({column} AS VARCHAR) || ' is not {field.ValidValues}, so it is no value a flow log can hold.'";
        return $"CASE WHEN {column} IS NULL OR {column} BETWEEN 0 AND {field.MaxValue} THEN {cast} ELSE error({message}) END AS {column}";
    }

    /// <summary>How the view's own value errors start, so DuckDbErrors passes them on as written.</summary>
    public const string ParquetValueError = "Flow log file";

    /// <summary>DuckDB globs every name it is given; each file goes in as a pattern that matches only itself.</summary>
    public static string FileList(IReadOnlyList<LogFile> files) =>
        "[" + string.Join(", ", files.Select(f => DuckDbSql.String(DuckDbSql.LiteralPath(f.Path)))) + "]";

    private static IEnumerable<string> PartitionExpressions(SourceLayout layout)
    {
        var hourly = layout.Partitioning == Partitioning.Hourly;
        string pattern;
        string day;
        string? hour;
        if (layout.Prefix == PrefixStyle.Hive)
        {
            pattern = @"aws-account-id=([^/]+)/aws-service=vpcflowlogs/aws-region=([^/]+)/year=(\d{4})/month=(\d{2})/day=(\d{2})" + (hourly ? @"/hour=(\d{2})" : "") + "/[^/]+$";
            // Same value as Athena's projected day key on Hive layouts (see Tables/PartitionScheme).
            day = $"'year=' || {Group(pattern, 3)} || '/month=' || {Group(pattern, 4)} || '/day=' || {Group(pattern, 5)}";
            hour = hourly ? Group(pattern, 6) : null;
        }
        else
        {
            pattern = @"AWSLogs/([^/]+)/vpcflowlogs/([^/]+)/(\d{4}/\d{2}/\d{2})" + (hourly ? @"/(\d{2})" : "") + "/[^/]+$";
            day = Group(pattern, 3);
            hour = hourly ? Group(pattern, 4) : null;
        }
        yield return $"{Group(pattern, 1)} AS {DuckDbSql.Identifier(PartitionColumns.Account)}";
        yield return $"{Group(pattern, 2)} AS {DuckDbSql.Identifier(PartitionColumns.Region)}";
        yield return $"{day} AS {DuckDbSql.Identifier(PartitionColumns.Day)}";
        if (hour is not null) yield return $"{hour} AS {DuckDbSql.Identifier(PartitionColumns.Hour)}";
    }

    private static string Group(string pattern, int group) =>
        $"regexp_extract(replace(filename, '\\', '/'), {DuckDbSql.String(pattern)}, {group})";
}
