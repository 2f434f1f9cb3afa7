namespace FlowLogAthena.Core.Sources;

/// <summary>Lists the log files of a source that can hold records of a time window, pruning by path.</summary>
public interface ILogFileLister
{
    Task<IReadOnlyList<LogFile>> ListAsync(FlowLogSource source, TimeWindow window, CancellationToken cancellationToken);
}
