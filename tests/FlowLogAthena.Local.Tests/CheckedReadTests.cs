namespace FlowLogAthena.Local.Tests;

/// <summary>The file check that runs beside a read: the read's result is handed out only when the check passed.</summary>
public sealed class CheckedReadTests
{
    private sealed class Result : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Both_passing_hands_out_the_read_result_undisposed()
    {
        var result = new Result();

        var got = await CheckedRead.RunAsync(token => Task.Delay(20, token), _ => Task.FromResult(result), CancellationToken.None);

        Assert.Same(result, got);
        Assert.False(result.Disposed);
    }

    [Fact]
    public async Task A_check_failing_after_the_read_finished_disposes_the_result_and_throws_the_check_error()
    {
        var result = new Result();
        var finding = new SourceException("Flow log file 'x.log.gz' is truncated");

        var error = await Assert.ThrowsAsync<SourceException>(() => CheckedRead.RunAsync(
            async token => { await Task.Delay(50, token); throw finding; }, _ => Task.FromResult(result), CancellationToken.None));

        Assert.Same(finding, error);
        Assert.True(result.Disposed);
    }

    [Fact]
    public async Task A_check_failing_first_stops_the_read_and_its_error_wins()
    {
        var finding = new SourceException("Flow log files of 2 formats");
        var readStopped = false;

        var error = await Assert.ThrowsAsync<SourceException>(() => CheckedRead.RunAsync<Result>(
            _ => Task.FromException(finding),
            async token =>
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(5), token);
                }
                catch (OperationCanceledException)
                {
                    readStopped = true;
                    throw;
                }
                return new Result();
            },
            CancellationToken.None));

        Assert.Same(finding, error);
        Assert.True(readStopped);
    }

    [Fact]
    public async Task A_read_failing_on_a_bad_file_reports_the_check_finding_not_the_engine_message()
    {
        var finding = new SourceException("Flow log file 'x.log.gz' is truncated");

        var error = await Assert.ThrowsAsync<SourceException>(() => CheckedRead.RunAsync<Result>(
            async token => { await Task.Delay(50, token); throw finding; },
            _ => Task.FromException<Result>(new QueryExecutionException("DuckDB: could not read gzip")),
            CancellationToken.None));

        Assert.Same(finding, error);
    }

    [Fact]
    public async Task A_read_failing_while_the_files_are_sound_reports_the_read_error()
    {
        var failure = new QueryExecutionException("DuckDB failed to run query 'q': Binder Error");

        var error = await Assert.ThrowsAsync<QueryExecutionException>(() => CheckedRead.RunAsync<Result>(
            token => Task.Delay(20, token), _ => Task.FromException<Result>(failure), CancellationToken.None));

        Assert.Same(failure, error);
    }

    [Fact]
    public async Task Cancelling_the_run_cancels_both()
    {
        using var cancel = new CancellationTokenSource();
        var checkStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var checkStopped = false;

        var run = CheckedRead.RunAsync<Result>(
            async token =>
            {
                try
                {
                    checkStarted.SetResult();
                    await Task.Delay(TimeSpan.FromMinutes(5), token);
                }
                catch (OperationCanceledException)
                {
                    checkStopped = true;
                    throw;
                }
            },
            async token =>
            {
                await Task.Delay(TimeSpan.FromMinutes(5), token);
                return new Result();
            },
            cancel.Token);
        await checkStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(checkStopped);
    }
}
