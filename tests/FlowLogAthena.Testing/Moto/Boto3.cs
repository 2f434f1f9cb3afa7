using System.Diagnostics;
using System.Text.Json;

namespace FlowLogAthena.Testing.Moto;

/// <summary>
/// boto3 on the image's python3, as a second, independent client: runs a script with <c>client(name)</c>
/// bound to the moto endpoint and returns what it prints as JSON. Credentials go to the child only.
/// </summary>
public static class Boto3
{
    public static async Task<JsonElement> RunAsync(MotoServer moto, string script)
    {
        var prelude = $$"""
            import boto3, json, sys
            def client(name):
                return boto3.client(name, endpoint_url={{JsonSerializer.Serialize(moto.Endpoint.ToString())}}, region_name={{JsonSerializer.Serialize(MotoServer.Region)}})
            def out(value):
                print(json.dumps(value, default=str))

            """;
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", prelude + script },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIABOTOTESTKEY00001";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "boto-secret";
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"boto3 script failed ({process.ExitCode}):\n{await stderr}");
        var text = (await stdout).Trim();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone();
    }
}
