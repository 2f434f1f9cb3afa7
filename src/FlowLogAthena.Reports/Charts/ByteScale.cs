namespace FlowLogAthena.Reports.Charts;

/// <summary>Picks one binary unit for a chart's byte axis from its largest value (charts only; tables stay exact).</summary>
internal sealed record ByteScale(string Unit, double Divisor)
{
    public static ByteScale For(IEnumerable<decimal> values)
    {
        var max = values.DefaultIfEmpty(0m).Max();
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var index = 0;
        var divisor = 1d;
        while (index < units.Length - 1 && (double)max >= divisor * 1024)
        {
            divisor *= 1024;
            index++;
        }
        return new ByteScale(units[index], divisor);
    }

    public double Scale(decimal bytes) => (double)bytes / Divisor;
}
