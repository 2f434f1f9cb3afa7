namespace FlowLogAthena.Aws.Runtime;

/// <summary>Names an S3 REST request for logs: the operation its method and query imply, and the bucket and key.</summary>
internal static class S3Operation
{
    public static string Describe(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var query = uri.Query;
        bool Has(string name) => query.Contains(name, StringComparison.Ordinal);
        var hasKey = uri.Host.Contains(".s3.", StringComparison.Ordinal)
            ? uri.AbsolutePath.Trim('/').Length > 0
            : uri.AbsolutePath.Trim('/').Contains('/');
        var name = request.Method.Method switch
        {
            "GET" when Has("list-type=2") => "ListObjectsV2",
            "GET" when Has("uploadId=") => "ListParts",
            "GET" when !hasKey => "ListObjects",
            "GET" => "GetObject",
            "HEAD" => hasKey ? "HeadObject" : "HeadBucket",
            "PUT" when Has("partNumber=") => "UploadPart",
            "PUT" when request.Headers.Contains("x-amz-copy-source") => "CopyObject",
            "PUT" => hasKey ? "PutObject" : "CreateBucket",
            "POST" when Has("uploads") => "CreateMultipartUpload",
            "POST" when Has("uploadId=") => "CompleteMultipartUpload",
            "POST" when Has("delete") => "DeleteObjects",
            "DELETE" when Has("uploadId=") => "AbortMultipartUpload",
            "DELETE" => hasKey ? "DeleteObject" : "DeleteBucket",
            var other => other,
        };
        // Virtual-hosted addressing puts the bucket in the host (bucket.s3.region.amazonaws.com).
        var at = uri.Host.IndexOf(".s3.", StringComparison.Ordinal);
        var bucket = at > 0 ? uri.Host[..at] + "/" : "";
        var path = bucket + Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        // A listing's path is the bucket alone; its prefix (no secret, unlike a presigned query) says what was listed.
        if (name.StartsWith("List", StringComparison.Ordinal) && QueryValue(query, "prefix") is { } prefix)
            path = path.TrimEnd('/') + "/" + prefix;
        return $"{name} {path}";
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals] == name)
                return Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }
        return null;
    }
}
