using Microsoft.Extensions.Logging;

namespace FlowLogAthena.Worker.Tests.Fakes;

/// <summary>One structured log event as the worker wrote it: its id, level, text and named values.</summary>
public sealed record LogEvent(int EventId, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
{
    public object? this[string name] => Values.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A logger provider that keeps every event, for tests that check what the worker logged.</summary>
public sealed class LogRecorder(Changes changes) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }

    public IReadOnlyList<LogEvent> Of(int eventId) => [.. Events.Where(e => e.EventId == eventId)];

    /// <summary>Waits until the event has been logged at least <paramref name="count"/> times.</summary>
    public Task Until(int eventId, int count) => changes.Until(() => Of(eventId).Count >= count, $"{count} log events {eventId} (so far {Of(eventId).Count})");

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private void Add(LogEvent entry)
    {
        lock (_gate) _events.Add(entry);
        changes.Pulse();
    }

    private sealed class Recorder(LogRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Where(p => p.Key != "{OriginalFormat}").ToDictionary(p => p.Key, p => p.Value)
                : [];
            owner.Add(new LogEvent(eventId.Id, logLevel, formatter(state, exception), values));
        }
    }
}
