using Amazon.Runtime;

namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// Removes credential material from text that leaves the client (exception messages, call traces).
/// AWS echoes the canonical request in signature errors, which holds the session token; never trust a body.
/// </summary>
internal static partial class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string text, ImmutableCredentials? credentials, IEnumerable<string?>? extraSecrets = null)
    {
        if (text.Length == 0) return text;
        var secrets = new List<string?> { credentials?.SecretKey, credentials?.Token, credentials?.AccessKey };
        if (extraSecrets is not null) secrets.AddRange(extraSecrets);
        foreach (var secret in secrets)
        {
            // Short values (e.g. a test's "x") would shred the text without protecting anything real.
            if (secret is { Length: >= 8 })
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return SignaturePattern().Replace(text, "Signature=" + Mask);
    }

    [System.Text.RegularExpressions.GeneratedRegex("Signature=[0-9a-fA-F]{16,}")]
    private static partial System.Text.RegularExpressions.Regex SignaturePattern();
}
