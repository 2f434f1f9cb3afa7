namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>The bucket and key of an execution's result object, from its <c>s3://bucket/key</c> output location.</summary>
internal sealed record ResultObjectLocation(string Bucket, string Key)
{
    public static ResultObjectLocation? TryParse(string? location)
    {
        if (location is null || !location.StartsWith("s3://", StringComparison.Ordinal)) return null;
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest.EndsWith('/')) return null;
        return new ResultObjectLocation(rest[..slash], rest[(slash + 1)..]);
    }

    public override string ToString() => $"s3://{Bucket}/{Key}";
}
