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

    protected override string AnyNetworkMatch(string columnSql, IReadOnlyList<IpNetwork> networks) => DuckDbAddressMatch.AnyOf(columnSql, networks);
}
