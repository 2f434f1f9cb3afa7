namespace FlowLogAthena.Core.Compaction;

/// <summary>What compaction did with one day.</summary>
public enum TwinDayState
{
    /// <summary>Written and published.</summary>
    Compacted,

    /// <summary>The marker names the day's text objects as they are: nothing to do.</summary>
    UpToDate,

    /// <summary>No text objects (not delivered, or expired): nothing written, and what the twin holds of the day kept.</summary>
    Empty,
}

/// <summary>One day's outcome: its state, the text it came from and the Parquet it has in the twin.</summary>
public sealed record TwinDayOutcome(DateOnly Day, TwinDayState State, int SourceObjects, long SourceBytes, int TwinObjects, long TwinBytes);
