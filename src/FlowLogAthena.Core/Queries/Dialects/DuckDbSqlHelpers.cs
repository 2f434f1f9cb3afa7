using FlowLogAthena.Core.Queries.Parameters;
using FlowLogAthena.Core.Sources;

namespace FlowLogAthena.Core.Queries.Dialects;

/// <summary>Embedded DuckDB helpers (no inet extension: CIDR matching is plain SQL, see <see cref="DuckDbAddressMatch"/>).</summary>
internal sealed class DuckDbSqlHelpers : SqlDialectHelpers
{
    public static DuckDbSqlHelpers Instance { get; } = new();

    private DuckDbSqlHelpers()
    {
    }

    public override SqlDialect Dialect => SqlDialect.DuckDb;

    /// <summary>Only the <c>start</c> bounds: the local engine builds its view over the window's files alone.</summary>
    public override string TimeWindowPredicate(TimeWindow window, Partitioning partitioning, PrefixStyle prefix = PrefixStyle.Default) => $"({StartBounds(window)})";

    /// <summary>The local engine's view is made of the chosen flow log's files only (the listing selects them).</summary>
    public override string? FlowLogFilePredicate(string flowLogId) => null;

    public override string AddressHex(string columnSql) => DuckDbAddressHex.Of(columnSql);


    protected override string AnyNetworkMatch(string columnSql, IReadOnlyList<IpNetwork> networks) => DuckDbAddressMatch.AnyOf(columnSql, networks);
}
