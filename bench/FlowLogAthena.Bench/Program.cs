using FlowLogAthena.Bench;

// Athena result benchmark against a running moto server (bench/athena-results.sh starts and stops it).
//   stage   --endpoint URL --rows N --csv FILE   write N result rows as Athena's CSV, keep FILE, put it in moto's S3
//   compare --endpoint URL --rows N              read the staged result via the S3 object and via GetQueryResults
//   export  --endpoint URL --rows N --out FILE   S3 path → CsvSink.ToFile, reporting the process's peak RSS
// Each command prints key=value lines for the script.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var command = args.Length > 0 ? args[0] : "";
    var options = Arguments.Parse(args.Skip(1));
    var moto = new Moto(new Uri(options.Required("endpoint")));
    var rows = long.Parse(options.Required("rows"));
    var report = command switch
    {
        "stage" => await Benchmarks.StageAsync(moto, rows, options.Required("csv"), cancel.Token),
        "compare" => await Benchmarks.CompareAsync(moto, rows, cancel.Token),
        "export" => await Benchmarks.ExportAsync(moto, rows, options.Required("out"), cancel.Token),
        _ => throw new ArgumentException($"Unknown command '{command}': stage, compare or export."),
    };
    foreach (var (key, value) in report)
        Console.WriteLine($"{key}={value}");
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
