using System.Security.Cryptography;

namespace FlowLogAthena.Core.Files;

/// <summary>What a manifest records of the bytes it vouches for: their SHA-256 (lower-case hex) and length.</summary>
public static class FileDigest
{
    public static async Task<(string Sha256, long Bytes)> OfAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }
}
