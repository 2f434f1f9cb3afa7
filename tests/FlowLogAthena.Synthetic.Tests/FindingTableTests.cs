using FlowLogAthena.Synthetic.Findings;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class FindingTableTests
{
    [Fact]
    public void Every_finding_has_one_row_with_its_own_name_and_a_share_of_the_records()
    {
        Assert.Equal(FindingTable.Rows.Length, FindingTable.Rows.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(FindingTable.Rows, f => Assert.InRange(f.Weight, 1, 10_000));
        // The rest of a roll of 10,000 is ordinary traffic, even in the backup hour where its row is drawn too.
        Assert.InRange(FindingTable.Rows.Sum(f => f.Weight), 1, 9_999);
    }

    [Fact]
    public void The_nightly_backup_is_drawn_only_in_its_hour()
    {
        var row = Assert.Single(FindingTable.Rows, f => f.DrawnAt is not null);

        Assert.Equal(nameof(BackupBurst), row.Name);
        var day = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal([BackupBurst.Hour], Enumerable.Range(0, 24).Where(h => row.DrawnAt!(day + (h * 3600) + 1799)));
    }
}
