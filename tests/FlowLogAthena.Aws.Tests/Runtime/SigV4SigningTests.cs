using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace FlowLogAthena.Aws.Tests.Runtime;

/// <summary>Our signed request, re-signed by botocore (an independent SigV4 implementation), gives the same Authorization.</summary>
public sealed class SigV4SigningTests
{
    [Fact]
    public async Task Signature_matches_botocore_for_the_same_request()
    {
        var handler = new FakeHttpHandler((_, _, _) => FakeHttpHandler.Json(HttpStatusCode.OK, "{}"));
        var signedAt = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
        var connection = FakeAws.Connection(handler) with { SignedAt = signedAt };
        var athena = new AthenaClient(new AwsJsonClient(AwsService.Athena, FakeAws.Endpoint, connection));

        await athena.GetWorkGroupAsync(new GetWorkGroupRequest { WorkGroup = "flow-logs" }, CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        var ours = request.Headers.GetValues("Authorization").Single();
        var credentials = MotoServer.Credentials.GetCredentials();
        var input = JsonSerializer.Serialize(new
        {
            url = FakeAws.Endpoint.ToString(),
            body,
            headers = new Dictionary<string, string>
            {
                ["Content-Type"] = request.Content!.Headers.ContentType!.ToString(),
                ["X-Amz-Target"] = request.Headers.GetValues("X-Amz-Target").Single(),
                ["X-Amz-Content-SHA256"] = request.Headers.GetValues("X-Amz-Content-SHA256").Single(),
            },
            key = credentials.AccessKey,
            secret = credentials.SecretKey,
            token = credentials.Token,
        });

        var botocore = await RunPythonAsync("""
            import datetime, json, sys
            from unittest import mock
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            a = json.load(sys.stdin)
            req = AWSRequest(method="POST", url=a["url"], data=a["body"].encode(), headers=a["headers"])
            with mock.patch("botocore.auth.get_current_datetime", return_value=datetime.datetime(2026, 11, 2, 10, 0, 0)):
                SigV4Auth(Credentials(a["key"], a["secret"], a["token"]), "athena", "us-east-1").add_auth(req)
            print(req.headers["Authorization"])
            """, input);

        Assert.Equal(botocore, ours);
        Assert.Equal("20261102T100000Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    private static async Task<string> RunPythonAsync(string script, string stdin)
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", script },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}
