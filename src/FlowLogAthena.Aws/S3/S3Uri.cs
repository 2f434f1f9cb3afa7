using FlowLogAthena.Core.Errors;

namespace FlowLogAthena.Aws.S3;

/// <summary>An <c>s3://bucket/key-or-prefix</c> address.</summary>
public sealed record S3Uri(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string? text) => text is not null && text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="SourceException">Names the text and what an S3 address looks like.</exception>
    public static S3Uri Parse(string text, string what = "S3 location")
    {
        if (!IsS3(text))
            throw new SourceException($"{what} '{text}' is not an s3://bucket/prefix address.");
        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? "" : rest[(slash + 1)..];
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            throw new SourceException($"{what} '{text}' has an invalid bucket name '{bucket}' (3–63 lower-case letters, digits, '-' or '.').");
        return new S3Uri(bucket, key);
    }

    /// <summary>An object address for writing one file: a key that names an object, not a bucket or a folder.</summary>
    /// <exception cref="SourceException">The key is empty or ends with '/'.</exception>
    public static S3Uri ParseObject(string text, string what)
    {
        var uri = Parse(text, what);
        if (uri.Key.Length == 0 || uri.Key.EndsWith('/'))
            throw new SourceException($"{what} '{text}' names a bucket or a folder, not an object; give the object's key, e.g. s3://{uri.Bucket}/{uri.PrefixWithSlash}result.csv.");
        return uri;
    }

    /// <summary>The prefix with exactly one trailing slash (or empty), for joining keys below it.</summary>
    public string PrefixWithSlash => Key.Length == 0 ? "" : Key.TrimEnd('/') + "/";

    public S3Uri Child(string relativeKey) => this with { Key = PrefixWithSlash + relativeKey.TrimStart('/') };

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
