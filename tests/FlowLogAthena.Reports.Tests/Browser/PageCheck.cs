using System.Text.Json.Nodes;

namespace FlowLogAthena.Reports.Tests.Browser;

/// <summary>What loading a page in the browser showed: its images as decoded, the errors it logged, and a screenshot.</summary>
public sealed record PageCheck(IReadOnlyList<PageImage> Images, int NoDataNotes, IReadOnlyList<string> SectionIds, IReadOnlyList<string> Errors, byte[] Screenshot);

public sealed record PageImage(string Alt, bool Complete, int NaturalWidth, int NaturalHeight);

/// <summary>Opens a file in a fresh page over DevTools, waits for its load event, and collects what a report test checks.</summary>
public static class PageLoader
{
    private const string Inspect = """
        JSON.stringify({
          images: [...document.images].map(i => ({ alt: i.alt, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight })),
          noData: document.querySelectorAll('.no-data').length,
          sections: [...document.querySelectorAll('section')].map(s => s.id)
        })
        """;

    public static async Task<PageCheck> LoadAsync(HeadlessChromium browser, string file, CancellationToken cancellationToken)
    {
        await using var devTools = await DevToolsSession.ConnectAsync(browser.DevTools, cancellationToken);
        var target = await devTools.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var attached = await devTools.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, cancellationToken);
        var session = attached["sessionId"]!.GetValue<string>();

        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        devTools.EventReceived += e =>
        {
            if (e["method"]?.GetValue<string>() == "Page.loadEventFired" && e["sessionId"]?.GetValue<string>() == session) loaded.TrySetResult();
        };
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable" })
            await devTools.SendAsync(domain, null, session, cancellationToken);
        await devTools.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(file)).AbsoluteUri }, session, cancellationToken);
        await loaded.Task.WaitAsync(cancellationToken);

        var evaluated = await devTools.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = Inspect, ["returnByValue"] = true }, session, cancellationToken);
        var state = JsonNode.Parse(evaluated["result"]!["value"]!.GetValue<string>())!;
        var shot = await devTools.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, session, cancellationToken);

        var images = state["images"]!.AsArray().Select(i => new PageImage(i!["alt"]!.GetValue<string>(), i["complete"]!.GetValue<bool>(),
            i["width"]!.GetValue<int>(), i["height"]!.GetValue<int>())).ToList();
        var sections = state["sections"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var errors = devTools.Events.Where(e => e["sessionId"]?.GetValue<string>() == session).Select(ErrorOf).OfType<string>().ToList();
        return new PageCheck(images, state["noData"]!.GetValue<int>(), sections, errors, Convert.FromBase64String(shot["data"]!.GetValue<string>()));
    }

    /// <summary>An uncaught exception, a console error or warning, or an error or warning log entry (CSP violations, failed loads).</summary>
    private static string? ErrorOf(JsonNode e)
    {
        var parameters = e["params"];
        return e["method"]?.GetValue<string>() switch
        {
            "Runtime.exceptionThrown" => "exception: " + parameters?["exceptionDetails"]?.ToJsonString(),
            "Runtime.consoleAPICalled" when parameters?["type"]?.GetValue<string>() is "error" or "warning" or "assert" =>
                $"console.{parameters!["type"]}: {parameters["args"]?.ToJsonString()}",
            "Log.entryAdded" when parameters?["entry"]?["level"]?.GetValue<string>() is "error" or "warning" =>
                $"log {parameters!["entry"]!["level"]}: {parameters["entry"]!["text"]} {parameters["entry"]!["url"]}",
            _ => null,
        };
    }
}
