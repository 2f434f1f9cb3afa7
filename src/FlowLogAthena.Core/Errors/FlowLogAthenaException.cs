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

/// <summary>A query needs fields that the source's log format does not have.</summary>
public sealed class MissingFieldsException(string message) : FlowLogAthenaException(message)
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
