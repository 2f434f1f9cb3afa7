namespace FlowLogAthena.Core.Queries.Parameters;

/// <summary>The validated values of one query run: given values and defaults; absent optional ones are missing.</summary>
internal sealed class BoundParameters
{
    private readonly Dictionary<string, ParameterValue> _values;

    internal BoundParameters(IEnumerable<KeyValuePair<string, ParameterValue>> valuesInDeclarationOrder)
    {
        _values = new Dictionary<string, ParameterValue>(valuesInDeclarationOrder, StringComparer.Ordinal);
        Canonical = _values.ToDictionary(kv => kv.Key, kv => kv.Value.Canonical, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, ParameterValue> Values => _values;

    /// <summary>Canonical text of every value, for <see cref="RenderedQuery.Parameters"/>, manifests and logs.</summary>
    public IReadOnlyDictionary<string, string> Canonical { get; }

    public bool TryGet(string name, out ParameterValue value) => _values.TryGetValue(name, out value!);
}
