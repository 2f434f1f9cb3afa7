namespace FlowLogAthena.Core.Running;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread, at once. <see cref="Progress{T}"/> posts to the
/// thread pool, so its lines could arrive out of order, after the final table, or after the output has closed.
/// </summary>
public sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
