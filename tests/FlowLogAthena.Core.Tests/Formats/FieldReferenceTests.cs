namespace FlowLogAthena.Core.Tests.Formats;

/// <summary>docs/FIELDS.md is the catalog written out: every field of both kinds, with types and meanings.</summary>
public sealed class FieldReferenceTests
{
    [Fact]
    public void The_field_reference_in_docs_is_the_catalog_written_out()
    {
        var file = RepositoryRoot.Combine("docs", "FIELDS.md");

        Assert.True(File.Exists(file) && File.ReadAllText(file) == FieldReference.Markdown(),
            "docs/FIELDS.md differs from the field catalog; write it again: flowlog-athena fields --markdown > docs/FIELDS.md");
    }

    [Fact]
    public void Every_field_has_a_row_for_each_kind_of_flow_log_that_has_it()
    {
        var markdown = FieldReference.Markdown();
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();

        Assert.Equal(FieldCatalog.Vpc.Count + FieldCatalog.TransitGateway.Count, rows.Count);
        Assert.All(FieldCatalog.All, f => Assert.Contains(rows, r => r.StartsWith($"| `{f.Name}` | {f.Version} | `{f.ColumnName}` |", StringComparison.Ordinal)));
        Assert.Contains("| `packets-lost-blackhole` | 6 | `packets_lost_blackhole` | bigint | INT_64 | TGW |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| {FieldCatalog.Get("account-id").TransitGatewayMeaning} |", markdown, StringComparison.Ordinal);
    }
}
