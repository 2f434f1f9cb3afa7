using System.Globalization;

namespace FlowLogAthena.Aws.Runtime.Retries;

/// <summary>
/// Resolves the retry policy the way the AWS SDKs and CLI do: <c>AWS_RETRY_MODE</c> and <c>AWS_MAX_ATTEMPTS</c> win
/// over the shared config file's <c>retry_mode</c> and <c>max_attempts</c> in the active profile's section
/// (<c>[default]</c> or <c>[profile NAME]</c> of <c>AWS_CONFIG_FILE</c>, else <c>~/.aws/config</c>); the SDKs'
/// defaults fill the rest. <c>FLOWLOG_ATHENA_AWS_ATTEMPT_TIMEOUT</c> (seconds) sets the per-attempt timeout.
/// A value that does not parse is an error naming where it came from, never silently ignored.
/// </summary>
public static class RetrySettings
{
    public const string ModeVariable = "AWS_RETRY_MODE";
    public const string MaxAttemptsVariable = "AWS_MAX_ATTEMPTS";
    public const string AttemptTimeoutVariable = "FLOWLOG_ATHENA_AWS_ATTEMPT_TIMEOUT";

    public static AwsRetryPolicy Resolve(Func<string, string?> getVariable, string? profile)
    {
        string? Read(string name) => getVariable(name) is { Length: > 0 } value ? value.Trim() : null;

        var file = ConfigFilePath(Read);
        var fromFile = file is not null && File.Exists(file)
            ? SharedConfigFile.ReadSection(file, profile ?? Read("AWS_PROFILE") ?? "default")
            : new Dictionary<string, (string Value, int Line)>();

        RetryMode mode;
        if (Read(ModeVariable) is { } modeText)
            mode = ParseMode(modeText, ModeVariable);
        else if (fromFile.TryGetValue("retry_mode", out var modeEntry))
            mode = ParseMode(modeEntry.Value, $"{file}:{modeEntry.Line} retry_mode");
        else
            mode = RetryMode.Standard;

        int? attempts = null;
        if (Read(MaxAttemptsVariable) is { } attemptsText)
            attempts = ParseAttempts(attemptsText, MaxAttemptsVariable);
        else if (fromFile.TryGetValue("max_attempts", out var attemptsEntry))
            attempts = ParseAttempts(attemptsEntry.Value, $"{file}:{attemptsEntry.Line} max_attempts");

        var policy = AwsRetryPolicy.For(mode, attempts);
        if (Read(AttemptTimeoutVariable) is { } timeoutText)
            policy = policy with { AttemptTimeout = ParseTimeout(timeoutText) };
        return policy;
    }

    private static string? ConfigFilePath(Func<string, string?> read) =>
        read("AWS_CONFIG_FILE") ?? (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
            ? Path.Combine(home, ".aws", "config")
            : null);

    private static RetryMode ParseMode(string text, string source) => text.ToLowerInvariant() switch
    {
        "standard" => RetryMode.Standard,
        "legacy" => RetryMode.Legacy,
        "adaptive" => RetryMode.Adaptive,
        _ => throw new AwsConfigurationException($"{source} is '{text}'; the retry modes are standard, legacy and adaptive."),
    };

    private static int ParseAttempts(string text, string source) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts is >= 1 and <= 100
            ? attempts
            : throw new AwsConfigurationException($"{source} is '{text}'; it must be a whole number of attempts from 1 to 100 (1 never retries).");

    private static TimeSpan ParseTimeout(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new AwsConfigurationException($"{AttemptTimeoutVariable} is '{text}'; it must be seconds per attempt, above 0 and at most 3600.");
}
