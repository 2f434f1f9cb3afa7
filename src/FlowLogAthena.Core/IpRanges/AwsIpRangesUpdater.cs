using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FlowLogAthena.Core.IpRanges;

/// <summary>
/// <c>ranges update</c>: fetches AWS's ranges over HTTPS into the cache, asking with the cached copy's ETag
/// (If-None-Match) so an unchanged file is not downloaded again, and keeping the cached copy unless the new one parses
/// and is not older (AWS documents comparing publication times, https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html).
/// Transient failures (a timeout, a 5xx, 429) are retried with backoff; every failure names the URL and leaves the cache as it was.
/// </summary>
public sealed class AwsIpRangesUpdater(HttpClient http, AwsIpRangesCache cache, TimeProvider clock)
{
    public const string DefaultUrl = "https://ip-ranges.amazonaws.com/ip-ranges.json";

    private const int Attempts = 4;

    public enum Outcome
    {
        /// <summary>A newer copy was stored.</summary>
        Updated,

        /// <summary>AWS answered 304, or sent the publication the cache holds.</summary>
        UpToDate,
    }

    public sealed record Result(Outcome Outcome, long SyncToken, string CreateDate, int Prefixes, string Path);

    /// <summary>Only https, except a loopback http server (tests, or a mirror on this machine).</summary>
    public static Uri CheckUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.UserInfo))
            throw new AwsIpRangesException($"--url '{url}' is not an https:// URL.");
        if (uri.Scheme == "http" && !uri.IsLoopback)
            throw new AwsIpRangesException($"--url '{url}' is plain http; AWS's ranges must come over https (http only from this machine's loopback).");
        return uri;
    }

    public async Task<Result> UpdateAsync(Uri url, CancellationToken cancellationToken)
    {
        var cachedNote = cache.Existing is null ? null : cache.ReadNote();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (cachedNote?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt < Attempts)
                {
                    await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw new AwsIpRangesException($"Cannot fetch {url} after {Attempts} attempts: {e.Message}", isBadInput: false, e);
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotModified && cachedNote is not null)
                    return new Result(Outcome.UpToDate, cachedNote.SyncToken, cachedNote.CreateDate, AwsIpRanges.Load(cache.RangesPath).Prefixes.Count, cache.RangesPath);
                var status = (int)response.StatusCode;
                if (status is 429 or >= 500 && attempt < Attempts)
                {
                    await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    throw new AwsIpRangesException($"Cannot fetch {url}: HTTP {status} {response.ReasonPhrase}.", isBadInput: status is >= 400 and < 500);
                var json = await ReadBodyAsync(response, url, cancellationToken).ConfigureAwait(false);
                AwsIpRanges ranges;
                try
                {
                    ranges = AwsIpRanges.Parse(json, url.ToString());
                }
                catch (AwsIpRangesException e)
                {
                    // What the server sent is wrong, not the user's input; nothing was stored.
                    throw new AwsIpRangesException(e.Message + " The cached copy is kept.", isBadInput: false, e);
                }
                var note = new AwsIpRangesCache.Note(response.Headers.ETag?.ToString(), ranges.SyncToken, ranges.CreateDate, clock.GetUtcNow(), url.ToString());
                var cached = cache.Existing is { } path ? AwsIpRanges.Load(path) : null;
                if (cached is not null && ranges.SyncToken < cached.SyncToken)
                    throw new AwsIpRangesException(
                        $"{url} sent ranges published {ranges.CreateDate} (syncToken {ranges.SyncToken}), older than the cached copy's {cached.CreateDate} "
                        + $"(syncToken {cached.SyncToken}); the cached copy is kept.", isBadInput: false);
                if (cached is not null && ranges.SyncToken == cached.SyncToken)
                {
                    await cache.WriteNoteAsync(note, cancellationToken).ConfigureAwait(false);
                    return new Result(Outcome.UpToDate, ranges.SyncToken, ranges.CreateDate, ranges.Prefixes.Count, cache.RangesPath);
                }
                await cache.StoreAsync(json, note, cancellationToken).ConfigureAwait(false);
                return new Result(Outcome.Updated, ranges.SyncToken, ranges.CreateDate, ranges.Prefixes.Count, cache.RangesPath);
            }
        }
    }

    /// <summary>The body as UTF-8 text, at most <see cref="AwsIpRanges.MaxFileBytes"/>; a cut-off body fails the parse, not the cache.</summary>
    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > AwsIpRanges.MaxFileBytes)
            throw new AwsIpRangesException($"{url} sent {response.Content.Headers.ContentLength:N0} bytes, more than the {AwsIpRanges.MaxFileBytes:N0} a ranges file may have.", isBadInput: false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AwsIpRanges.MaxFileBytes)
                throw new AwsIpRangesException($"{url} sent more than the {AwsIpRanges.MaxFileBytes:N0} bytes a ranges file may have.", isBadInput: false);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new AwsIpRangesException($"{url} sent a body that is not UTF-8 text.", isBadInput: false);
        }
    }

    private Task DelayAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << (attempt - 1)) * (0.5 + Random.Shared.NextDouble())), clock, cancellationToken);
}
