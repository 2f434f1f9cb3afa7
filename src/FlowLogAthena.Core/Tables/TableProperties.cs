namespace FlowLogAthena.Core.Tables;

/// <summary>The table properties (Glue table parameters, <c>TBLPROPERTIES</c>) a <see cref="TableDefinition"/> sets.</summary>
public static class TableProperties
{
    public const string External = "EXTERNAL";
    public const string Classification = "classification";
    public const string SkipHeaderLineCount = "skip.header.line.count";
    public const string ProjectionEnabled = "projection.enabled";
    public const string StorageLocationTemplate = "storage.location.template";
    public const string ProjectionPrefix = "projection.";

    /// <summary>
    /// The one flow log the table reads when several deliver to its location (queries then keep that flow log's
    /// objects by their names); absent when the table reads every object there.
    /// </summary>
    public const string FlowLogId = "flowlog_athena.flow_log_id";

    /// <summary>
    /// Whether FlowLogAthena owns a property. Other properties on an existing table (Glue's and Athena's
    /// bookkeeping such as <c>transient_lastDdlTime</c>, or a user's own) are neither reported nor removed.
    /// </summary>
    public static bool IsManaged(string key) =>
        key.StartsWith(ProjectionPrefix, StringComparison.Ordinal)
        || key is External or Classification or SkipHeaderLineCount or StorageLocationTemplate or FlowLogId;
}
