namespace FlowLogAthena.Local;

/// <summary>
/// Reads a window while its files are checked, instead of after: the check inflates every file in full (a cut
/// gzip reads as fewer records, silently, in DuckDB too), and running it beside DuckDB fills the cores DuckDB
/// leaves idle instead of adding its time in front. Nothing the read produced is handed out before the check
/// passed; a failed check stops the read, and its error (naming the file and what is wrong) wins over whatever
/// DuckDB made of the same bad file.
/// </summary>
internal static class CheckedRead
{
    /// <summary>Runs <paramref name="read"/> and <paramref name="check"/> together; the read's result only when both succeed.</summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task> check, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : IAsyncDisposable
    {
        using var stopRead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checking = CheckAsync(check, stopRead, cancellationToken);
        T result;
        try
        {
            result = await read(stopRead.Token).ConfigureAwait(false);
        }
        catch
        {
            // A read that failed on a bad file is explained best by the check: a failed check throws its own error here.
            await checking.ConfigureAwait(false);
            throw;
        }

        try
        {
            await checking.ConfigureAwait(false);
        }
        catch
        {
            await result.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return result;
    }

    private static async Task CheckAsync(Func<CancellationToken, Task> check, CancellationTokenSource stopRead, CancellationToken cancellationToken)
    {
        try
        {
            // Off the caller's thread: the check's first file starts inflating while DuckDB plans the read.
            await Task.Run(() => check(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stopRead.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
