using System.Text;

namespace FlowLogAthena.Core.Formats;

/// <summary>
/// The field reference as Markdown (docs/FIELDS.md, <c>fields --markdown</c>): every field of the catalog, which kinds
/// of flow log have it, its types and its meaning in each kind. Written from the catalog, so it cannot drift from it.
/// </summary>
public static class FieldReference
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("""
            # Flow log fields

            Written from the field catalog (`src/FlowLogAthena.Core/Formats/FieldCatalog.cs`) by `flowlog-athena fields --markdown`;
            a test fails when this file and the catalog differ. Sources: AWS's VPC Flow Logs and Transit Gateway Flow Logs
            user guides (docs/research/transit-gateway-flow-logs.md has the Transit Gateway details, with sources).

            - **VPC flow logs** have 54 fields (versions 2 to 11); AWS's default format is the 14 version-2 fields.
            - **Transit Gateway flow logs** have 36 fields, 18 of them their own (version 6) and 18 shared with VPC logs.
              Their default format is all 36, in the order below; the aggregation interval is always 60 seconds; there is no
              `action` field (a transit gateway has no security groups or NACLs; it logs what it forwards and what it drops,
              in `packets-lost-*`); multicast and Connect attachments are not logged (Connect traffic appears under its
              transport attachment). They are delivered under the same `AWSLogs/<account>/vpcflowlogs/<region>/` prefixes
              and file names as VPC logs: `flowlog-athena discover` tells them apart by the header and the flow log id.
            - Text files hold every value as text (`-` for none); Parquet files use the Parquet type. Columns are the names
              with `-` as `_`.


            """);
        foreach (var kind in new[] { FlowLogKind.Vpc, FlowLogKind.TransitGateway })
        {
            text.Append("## ").Append(kind.ToDisplayName()).Append(" flow logs, in AWS's order\n\n");
            text.Append("| field | version | column | Athena | Parquet | in | meaning |\n|---|---|---|---|---|---|---|\n");
            foreach (var field in FieldCatalog.Of(kind))
            {
                var codes = field.CodedValues.Count > 0 ? " Values: " + string.Join(", ", field.CodedValues.Select(kv => $"{kv.Key} = {kv.Value}")) + "." : "";
                var unconfirmed = field.Confirmed ? "" : " (Unconfirmed: third-party sources only.)";
                text.Append("| `").Append(field.Name).Append("` | ").Append(field.Version).Append(" | `").Append(field.ColumnName).Append("` | ")
                    .Append(field.AthenaType).Append(" | ").Append(field.ParquetType).Append(" | ").Append(Kinds(field)).Append(" | ")
                    .Append(Cell(field.MeaningIn(kind) + codes + unconfirmed)).Append(" |\n");
            }
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Which kinds of flow log have the field: both, VPC or TGW.</summary>
    public static string Kinds(FlowLogField field) => (FlowLogKind.Vpc.Has(field), FlowLogKind.TransitGateway.Has(field)) switch
    {
        (true, true) => "both",
        (true, false) => "VPC",
        _ => "TGW",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
