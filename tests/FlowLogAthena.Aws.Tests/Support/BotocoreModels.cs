using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>The official service models botocore ships (service-2.json, gzipped in recent releases).</summary>
public static class BotocoreModels
{
    private static readonly Lazy<string> DataFolder = new(FindDataFolder);

    public static JsonElement Load(string service, string version)
    {
        var folder = Path.Combine(DataFolder.Value, service, version);
        var plain = Path.Combine(folder, "service-2.json");
        using Stream stream = File.Exists(plain)
            ? File.OpenRead(plain)
            : new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    private static string FindDataFolder()
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"botocore's data folder was not found (python3 said '{path}').");
    }
}
