using System.Text;

namespace FlowLogAthena.Reports.Tests;

/// <summary>An RFC 4180 CSV read back: the header and the rows as text, to check the page against.</summary>
public sealed record CsvFile(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static CsvFile Read(string path)
    {
        var records = Parse(File.ReadAllText(path));
        return new CsvFile(records[0], records.Skip(1).ToList());
    }

    public IEnumerable<string> Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        Assert.True(index >= 0, $"No column '{name}' in {string.Join(",", Header)}.");
        return Rows.Select(r => r[index]);
    }

    public long SumLong(string name) => Column(name).Sum(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture));

    public decimal SumDecimal(string name) => Column(name).Sum(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture));

    private static List<IReadOnlyList<string>> Parse(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); records.Add(fields); fields = []; }
            else field.Append(c);
        }
        return records;
    }
}
