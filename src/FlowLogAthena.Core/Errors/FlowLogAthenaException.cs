namespace FlowLogAthena.Core.Errors;

/// <summary>
/// Base of every error the product reports to a user. Each phase has its own subclass; the CLI maps
/// them to exit codes in one place (ExitCodes). Messages name the thing that was wrong.
/// </summary>
public abstract class FlowLogAthenaException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the user's input (arguments, files, format, window) was wrong, not the system.</summary>
    public abstract bool IsBadInput { get; }
}

/// <summary>A format string that does not parse: unknown, repeated or malformed field.</summary>
public sealed class FlowLogFormatException(string message) : FlowLogAthenaException(message)
{
    public override bool IsBadInput => true;
}

/// <summary>A source that cannot be read: missing folder, unknown layout, corrupt or unreadable file.</summary>
public sealed class SourceException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => true;
}

/// <summary>A query time window that is empty, reversed, unparsable, or holds no data.</summary>
public sealed class TimeWindowException(string message) : FlowLogAthenaException(message)
{
    public override bool IsBadInput => true;
}

/// <summary>A query pack file that is malformed, or a query that does not exist.</summary>
public sealed class QueryDefinitionException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => true;
}

/// <summary>A parameter value that fails its type, bounds or safety check. Names the parameter.</summary>
public sealed class QueryParameterException(string parameter, string message) : FlowLogAthenaException(message)
{
    public string Parameter { get; } = parameter;

    public override bool IsBadInput => true;
}

/// <summary>A query the source's log format cannot serve: it reads the other kind of flow log, or fields the format lacks.</summary>
internal sealed class FormatMismatchException(string message) : FlowLogAthenaException(message)
{
    public override bool IsBadInput => true;
}

/// <summary>The engine failed to run a query (not the user's input).</summary>
public sealed class QueryExecutionException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => false;
}

/// <summary>Writing results failed.</summary>
public sealed class SinkException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => false;
}

/// <summary>A job file that is malformed or names queries, parameters, windows or outputs that do not fit. The message starts with FILE:LINE.</summary>
public sealed class JobDefinitionException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => true;
}

/// <summary>The worker's settings do not let it start: no jobs folder, a bad catch-up horizon.</summary>
public sealed class WorkerSettingsException(string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public override bool IsBadInput => true;
}

/// <summary>A command line that does not fit: a missing or contradictory option, a value out of range. Names the option.</summary>
public sealed class UsageException(string message) : FlowLogAthenaException(message)
{
    public override bool IsBadInput => true;
}

/// <summary>
/// An output path that must not or cannot be written: it names a device, FIFO, socket, folder or a link to one, a
/// link loop, or a folder that cannot be created or written. Refused before any work starts.
/// </summary>
internal sealed class OutputTargetException(string path, string message, Exception? inner = null) : FlowLogAthenaException(message, inner)
{
    public string Path { get; } = path;

    public override bool IsBadInput => true;
}
