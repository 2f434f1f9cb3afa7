namespace FlowLogAthena.Aws.Tests.Runtime.Retries;

/// <summary>AWS_RETRY_MODE, AWS_MAX_ATTEMPTS and the config file's retry_mode/max_attempts, resolved as the SDKs do.</summary>
public sealed class RetrySettingsTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"aws-config-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_config);

    private AwsRetryPolicy Resolve(Dictionary<string, string> environment, string? profile = null)
    {
        environment.TryAdd("AWS_CONFIG_FILE", _config);
        return RetrySettings.Resolve(name => environment.GetValueOrDefault(name), profile);
    }

    [Fact]
    public void Without_settings_the_policy_is_standard_with_three_attempts()
    {
        var policy = Resolve([]);

        Assert.Equal(RetryMode.Standard, policy.Mode);
        Assert.Equal(3, policy.MaxAttempts);
    }

    [Fact]
    public void The_config_file_profile_section_sets_mode_and_attempts()
    {
        File.WriteAllText(_config, """
            [default]
            retry_mode = standard
            max_attempts = 4

            [profile ops]
            region = eu-west-1
            retry_mode = legacy
            s3 =
              max_attempts = 99
            """);

        Assert.Equal(4, Resolve([]).MaxAttempts);
        var ops = Resolve([], profile: "ops");
        Assert.Equal(RetryMode.Legacy, ops.Mode);
        Assert.Equal(5, ops.MaxAttempts);
        Assert.Equal(RetryMode.Legacy, Resolve(new() { ["AWS_PROFILE"] = "ops" }).Mode);
    }

    [Fact]
    public void Environment_variables_win_over_the_config_file()
    {
        File.WriteAllText(_config, "[default]\nretry_mode = legacy\nmax_attempts = 9\n");

        var policy = Resolve(new() { ["AWS_RETRY_MODE"] = "adaptive", ["AWS_MAX_ATTEMPTS"] = "2" });

        Assert.Equal(RetryMode.Adaptive, policy.Mode);
        Assert.Equal(2, policy.MaxAttempts);
    }

    [Fact]
    public void The_per_attempt_timeout_has_its_own_variable()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), Resolve([]).AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2.5), Resolve(new() { [RetrySettings.AttemptTimeoutVariable] = "2.5" }).AttemptTimeout);
    }

    [Theory]
    [InlineData("AWS_MAX_ATTEMPTS", "0")]
    [InlineData("AWS_MAX_ATTEMPTS", "three")]
    [InlineData("AWS_MAX_ATTEMPTS", "-1")]
    [InlineData("AWS_MAX_ATTEMPTS", "1000")]
    [InlineData("AWS_RETRY_MODE", "aggressive")]
    [InlineData("FLOWLOG_ATHENA_AWS_ATTEMPT_TIMEOUT", "0")]
    [InlineData("FLOWLOG_ATHENA_AWS_ATTEMPT_TIMEOUT", "soon")]
    public void A_bad_environment_value_is_a_configuration_error_naming_the_variable(string variable, string value)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Resolve(new() { [variable] = value }));

        Assert.Contains(variable, error.Message);
        Assert.Contains($"'{value}'", error.Message);
        Assert.True(error.IsBadInput);
    }

    [Fact]
    public void A_bad_config_file_value_names_the_file_and_line()
    {
        File.WriteAllText(_config, "# settings\n[default]\nregion = us-east-1\nmax_attempts = lots\n");

        var error = Assert.Throws<AwsConfigurationException>(() => Resolve([]));

        Assert.Contains($"{_config}:4 max_attempts", error.Message);
    }

    [Fact]
    public void Settings_from_the_environment_carry_the_resolved_policy()
    {
        var environment = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1", ["AWS_MAX_ATTEMPTS"] = "6", ["AWS_CONFIG_FILE"] = _config };

        var settings = AwsSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.Equal(6, settings.Retry.MaxAttempts);
    }
}
