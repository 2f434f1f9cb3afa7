namespace FlowLogAthena.Core.Tables;

/// <summary>
/// What would change if a table (e.g. what Glue holds, mapped back) were replaced by the wanted definition.
/// No change means provisioning has nothing to do. Types compare case-insensitively (Glue may keep either case);
/// properties the project does not manage (<see cref="TableProperties.IsManaged"/>) count only when wanted.
/// </summary>
public static class TableDiff
{
    public static IReadOnlyList<TableChange> Compare(TableDefinition wanted, TableDefinition existing)
    {
        var changes = new List<TableChange>();
        if (wanted.Database != existing.Database || wanted.Name != existing.Name)
            changes.Add(new("table", $"{existing.Database}.{existing.Name} → {wanted.Database}.{wanted.Name}"));
        CompareColumns("column", wanted.Columns, existing.Columns, changes);
        CompareColumns("partition key", wanted.PartitionKeys, existing.PartitionKeys, changes);
        CompareStorage(wanted.Storage, existing.Storage, changes);
        CompareMaps("table property", wanted.Properties, existing.Properties, TableProperties.IsManaged, changes);
        return changes;
    }

    private static void CompareColumns(string kind, IReadOnlyList<TableColumn> wanted, IReadOnlyList<TableColumn> existing, List<TableChange> changes)
    {
        var existingByName = ByName(existing);
        var wantedByName = ByName(wanted);
        foreach (var column in existing.Where(c => !wantedByName.ContainsKey(c.Name)))
            changes.Add(new($"{kind} `{column.Name}`", $"removed (was {column.Type})"));
        foreach (var column in wanted)
        {
            var subject = $"{kind} `{column.Name}`";
            if (!existingByName.TryGetValue(column.Name, out var old))
            {
                changes.Add(new(subject, $"added ({column.Type})"));
                continue;
            }
            if (!string.Equals(old.Type, column.Type, StringComparison.OrdinalIgnoreCase))
                changes.Add(new(subject, $"type {old.Type} → {column.Type}"));
            if ((old.Comment ?? "") != (column.Comment ?? ""))
                changes.Add(new(subject, $"comment {Quoted(old.Comment)} → {Quoted(column.Comment)}"));
        }

        // Columns both sides have, in each side's order: those outside the longest common order have moved.
        var wantedCommon = wanted.Select(c => c.Name).Where(existingByName.ContainsKey).ToList();
        var existingCommon = existing.Select(c => c.Name).Where(wantedByName.ContainsKey).ToList();
        var kept = LongestCommonOrder(existingCommon, wantedCommon);
        foreach (var name in wantedCommon.Where(n => !kept.Contains(n)))
            changes.Add(new($"{kind} `{name}`",
                $"moved from position {IndexOf(existing, name) + 1} to {IndexOf(wanted, name) + 1}"));
    }

    private static void CompareStorage(TableStorage wanted, TableStorage existing, List<TableChange> changes)
    {
        Compare("location", existing.Location, wanted.Location, changes);
        Compare("input format", existing.InputFormat, wanted.InputFormat, changes);
        Compare("output format", existing.OutputFormat, wanted.OutputFormat, changes);
        Compare("SerDe", existing.SerializationLibrary, wanted.SerializationLibrary, changes);
        CompareMaps("SerDe property", wanted.SerdeParameters, existing.SerdeParameters, _ => true, changes);
    }

    private static void Compare(string subject, string existing, string wanted, List<TableChange> changes)
    {
        if (existing != wanted) changes.Add(new(subject, $"{Quoted(existing)} → {Quoted(wanted)}"));
    }

    /// <param name="reportRemoved">Whether a key only the existing side has counts as a change.</param>
    private static void CompareMaps(string kind, IReadOnlyDictionary<string, string> wanted, IReadOnlyDictionary<string, string> existing,
        Func<string, bool> reportRemoved, List<TableChange> changes)
    {
        foreach (var key in wanted.Keys.Union(existing.Keys).Order(StringComparer.Ordinal))
        {
            var has = wanted.TryGetValue(key, out var value);
            var had = existing.TryGetValue(key, out var old);
            var subject = $"{kind} `{key}`";
            if (has && !had) changes.Add(new(subject, $"added ({Quoted(value)})"));
            else if (!has && had && reportRemoved(key)) changes.Add(new(subject, $"removed (was {Quoted(old)})"));
            else if (has && had && value != old) changes.Add(new(subject, $"{Quoted(old)} → {Quoted(value)}"));
        }
    }

    /// <summary>The names of a longest sequence both lists hold in the same order (classic LCS; lists are short).</summary>
    private static HashSet<string> LongestCommonOrder(List<string> a, List<string> b)
    {
        var length = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                length[i, j] = a[i] == b[j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] == b[j]) { kept.Add(a[i]); i++; j++; }
            else if (length[i + 1, j] >= length[i, j + 1]) i++;
            else j++;
        }
        return kept;
    }

    private static Dictionary<string, TableColumn> ByName(IReadOnlyList<TableColumn> columns)
    {
        var byName = new Dictionary<string, TableColumn>(StringComparer.Ordinal);
        foreach (var column in columns) byName.TryAdd(column.Name, column);
        return byName;
    }

    private static int IndexOf(IReadOnlyList<TableColumn> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Name == name) return i;
        return -1;
    }

    private static string Quoted(string? value) => value is null ? "none" : $"'{value}'";
}
