namespace FlowLogAthena.Local.Tests.Parity;

/// <summary>Generates each layout's data once, on first use, for all the queries compared on it.</summary>
public sealed class ParityFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "flowlog-athena-tests", "parity-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, Task<ParityData>> _data = [];

    public Task<ParityData> GetAsync(ParityLayout layout)
    {
        lock (_data)
        {
            if (!_data.TryGetValue(layout.Name, out var data))
                _data[layout.Name] = data = ParityData.CreateAsync(layout, Path.Combine(_root, layout.Name.Replace(' ', '-')));
            return data;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var data in _data.Values.Where(d => d.IsCompletedSuccessfully))
            await (await data).DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
