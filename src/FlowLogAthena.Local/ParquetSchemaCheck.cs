using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.Errors;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Local;

/// <summary>
/// The Parquet counterpart of the text header check: every file's schema (its footer only) must hold each field of
/// the format with a type of the same kind, so a missing or mistyped column is named with its file before a query
/// reads the wrong thing or fails without saying where.
/// </summary>
internal static class ParquetSchemaCheck
{
    public static async Task EnsureAsync(DuckDBConnection connection, FlowLogFormat format, IReadOnlyList<LogFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files) LogFileGuard.EnsureHasBytes(file);
        var rows = await connection.QueryAsync<(string File, string Name, string? Type)>(new CommandDefinition(
            $"SELECT file_name, name, type FROM parquet_schema({FlowLogViewSql.FileList(files)}) WHERE type IS NOT NULL",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var schemas = rows.GroupBy(r => r.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Name, r => r.Type!, StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        foreach (var file in files)
        {
            var columns = schemas.GetValueOrDefault(file.Path) ?? new Dictionary<string, string>();
            foreach (var field in format.Fields)
            {
                if (!columns.TryGetValue(field.ColumnName, out var type))
                    throw new SourceException(
                        $"Parquet flow log file '{file.Path}' has no column '{field.ColumnName}' ({field.Name} of the format)"
                        + (columns.Count == 0 ? "; it has no columns at all." : $"; its columns are {string.Join(", ", columns.Keys)}.")
                        + " Pass the flow log's own --format, or read files of one format at a time.");
                if (!SameKind(field.Type, type))
                    throw new SourceException(
                        $"Parquet flow log file '{file.Path}' stores column '{field.ColumnName}' as {type}, but {field.Name} is {field.ValidValues} (Parquet {field.ParquetType}); "
                        + "it was not written by AWS's flow log delivery.");
            }
        }
    }

    private static bool SameKind(FieldType field, string physical) => field switch
    {
        FieldType.String => physical is "BYTE_ARRAY" or "FIXED_LEN_BYTE_ARRAY",
        _ => physical is "INT32" or "INT64",
    };
}
