using System.Net;
using FlowLogAthena.Core.Queries.Dialects;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>The parity test binds execution parameters by the literal's type; every form the helpers write must read back.</summary>
public sealed class AthenaLiteralTests
{
    [Fact]
    public void Every_literal_the_Athena_helpers_bind_reads_back_as_its_typed_value()
    {
        var athena = AthenaSqlHelpers.Instance;
        var bound = new List<string>();
        athena.Bind(new IntegerValue(QueryParameterType.Int, 25), bound);
        athena.Bind(new IntegerValue(QueryParameterType.Int, -7), bound);
        athena.Bind(new IntegerValue(QueryParameterType.Int, 5_000_000_000), bound);
        athena.Bind(new TextValue(QueryParameterType.String, "it's"), bound);
        athena.Bind(new DateValue(new DateOnly(2026, 11, 2)), bound);
        athena.Bind(new TimestampValue(new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc)), bound);
        athena.Bind(new ListValue(QueryParameterType.Ip, [new IpAddressValue(IPAddress.Parse("10.0.0.1")), new IpAddressValue(IPAddress.Parse("2001:db8::1"))]), bound);

        Assert.Equal(["25", "(-7)", "5000000000", "'it''s'", "DATE '2026-11-02'", "1793577600", "'10.0.0.1'", "'2001:db8::1'"], bound);
        Assert.Equal<object>([25, -7, 5_000_000_000L, "it's", new DateOnly(2026, 11, 2), 1_793_577_600, "10.0.0.1", "2001:db8::1"],
            bound.Select(AthenaLiteral.Value).ToList());
    }

    [Theory]
    [InlineData("(7")]
    [InlineData("'a'b'")]
    [InlineData("TIMESTAMP '2026-11-02 00:00:00'")]
    public void A_form_the_helpers_do_not_write_is_refused(string literal) =>
        Assert.Throws<ArgumentException>(() => AthenaLiteral.Value(literal));
}
