using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Local;

/// <summary>
/// The DuckDB view that plays the role of the Glue table: the format's columns with their explicit types
/// (never auto-detected: account ids would lose leading zeros) over only the pruned files, plus the
/// partition columns the listing found for each file.
/// </summary>
internal static class FlowLogViewSql
{
    public static string Create(string viewName, FlowLogSource source, IReadOnlyList<LogFile> files)
    {
        var (scan, columns) = Scan(source, files);
        var partitions = PartitionColumnsOf(source.Layout);
        return $"CREATE OR REPLACE TEMP VIEW {DuckDbSql.Identifier(viewName)} AS SELECT {string.Join(", ", columns.Concat(partitions))} "
             + $"FROM {scan} AS {ScanAlias} LEFT JOIN {Listed(source.Layout, files)} ON {ScanAlias}.filename = {ListedAlias}.{ListedFile}";
    }

    /// <summary>
    /// The view's rows for the files of one partition, as the columnar store converts them: the same columns, checks
    /// and types, with the partition's values as one row beside every record instead of a join on each file's name.
    /// </summary>
    public static string OnePartition(FlowLogSource source, IReadOnlyList<LogFile> partitionFiles)
    {
        var (scan, columns) = Scan(source, partitionFiles);
        var first = partitionFiles[0];
        var values = PartitionScheme.ValuesFor(source.Layout, first.Account, first.Region, first.PartitionStartUtc).Select(DuckDbSql.String);
        var names = ListedColumns(source.Layout).Select(DuckDbSql.Identifier).ToList();
        return $"SELECT {string.Join(", ", columns.Concat(names.Select(n => $"{ListedAlias}.{n}")))} "
             + $"FROM {scan} AS {ScanAlias} CROSS JOIN (VALUES ({string.Join(", ", values)})) AS {ListedAlias}({string.Join(", ", names)})";
    }

    /// <summary>The scan of the files and the format's columns over it, checked and typed by the field catalog.</summary>
    private static (string Scan, string[] Columns) Scan(FlowLogSource source, IReadOnlyList<LogFile> files)
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
        return (scan, columns);
    }

    /// <summary>
    /// The same view over the columnar store's files, which hold the view's columns already typed and each file's
    /// partition values: read as they are, so DuckDB reads only the columns and row groups a query needs.
    /// </summary>
    public static string OverStore(string viewName, FlowLogSource source, IReadOnlyList<LogFile> storedFiles)
    {
        var columns = source.Format.Fields.Select(f => f.ColumnName).Concat(ListedColumns(source.Layout)).Select(DuckDbSql.Identifier);
        return $"CREATE OR REPLACE TEMP VIEW {DuckDbSql.Identifier(viewName)} AS SELECT {string.Join(", ", columns)} FROM read_parquet({FileList(storedFiles)})";
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

    /// <summary>
    /// The partition columns, from the listing: each file's account, region, day (and hour) as the lister found them,
    /// joined on the name DuckDB reports for the file. The join keeps every row; a row from a file the listing does not
    /// name (DuckDB reported its name differently) stops the query instead of getting no partition values.
    /// </summary>
    private static IEnumerable<string> PartitionColumnsOf(SourceLayout layout)
    {
        var unlisted = $"error('{ParquetValueError} ''' || {ScanAlias}.filename || ''' is not one of the listed files, so its account, region and day are unknown.')";
        return ListedColumns(layout).Select(name =>
            $"CASE WHEN {ListedAlias}.{ListedFile} IS NULL THEN {unlisted} ELSE {ListedAlias}.{DuckDbSql.Identifier(name)} END AS {DuckDbSql.Identifier(name)}");
    }

    /// <summary>The listing as a relation: one row per file, its name as DuckDB reports it (the path itself, not the glob
    /// pattern it was read through) and its partition values, formatted as Athena's partition keys.</summary>
    private static string Listed(SourceLayout layout, IReadOnlyList<LogFile> files)
    {
        var rows = files.Select(f =>
            "(" + string.Join(", ", PartitionScheme.ValuesFor(layout, f.Account, f.Region, f.PartitionStartUtc).Prepend(f.Path).Select(DuckDbSql.String)) + ")");
        var columns = ListedColumns(layout).Select(DuckDbSql.Identifier).Prepend(ListedFile);
        return $"(VALUES {string.Join(", ", rows)}) AS {ListedAlias}({string.Join(", ", columns)})";
    }

    /// <summary>The Glue table's partition keys, the same names in the same order.</summary>
    private static IEnumerable<string> ListedColumns(SourceLayout layout) => PartitionScheme.KeysFor(layout).Select(k => k.Name);

    private const string ScanAlias = "scan";
    private const string ListedAlias = "listed";
    private const string ListedFile = "listed_file";
}
