namespace FlowLogAthena.Aws.Tests.Runtime;

public sealed class AwsSettingsTests
{
    private static AwsSettings From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return AwsSettings.FromEnvironment(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void Binds_the_standard_variables()
    {
        var settings = From(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "us-west-2"), ("AWS_PROFILE", "analytics"),
            ("AWS_ENDPOINT_URL", "http://localhost:5000"), ("AWS_ENDPOINT_URL_GLUE", "http://glue.local:6000"));

        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal("analytics", settings.Profile);
        Assert.Equal(new Uri("http://glue.local:6000/"), settings.EndpointFor(AwsService.Glue));
        Assert.Equal(new Uri("http://localhost:5000/"), settings.EndpointFor(AwsService.Athena));
        Assert.Equal(new Uri("http://localhost:5000/"), settings.EndpointFor(AwsService.S3));
    }

    [Fact]
    public void Default_region_variable_is_the_fallback()
    {
        Assert.Equal("us-west-2", From(("AWS_DEFAULT_REGION", "us-west-2")).Region);
    }

    [Fact]
    public void Service_endpoints_for_athena_and_s3_override_the_global_one()
    {
        var settings = From(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL_ATHENA", "https://a.example"), ("AWS_ENDPOINT_URL_S3", "https://s.example"));

        Assert.Equal(new Uri("https://a.example/"), settings.EndpointFor(AwsService.Athena));
        Assert.Equal(new Uri("https://s.example/"), settings.EndpointOverrideFor(AwsService.S3));
        Assert.Equal(new Uri("https://glue.us-east-1.amazonaws.com/"), settings.EndpointFor(AwsService.Glue));
    }

    [Fact]
    public void Public_endpoints_follow_the_partition()
    {
        Assert.Equal(new Uri("https://athena.eu-central-1.amazonaws.com/"), new AwsSettings { Region = "eu-central-1" }.EndpointFor(AwsService.Athena));
        Assert.Equal(new Uri("https://glue.cn-north-1.amazonaws.com.cn/"), new AwsSettings { Region = "cn-north-1" }.EndpointFor(AwsService.Glue));
    }

    [Fact]
    public void A_malformed_endpoint_names_its_variable()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => From(("AWS_ENDPOINT_URL_ATHENA", "not a url")));
        Assert.Contains("AWS_ENDPOINT_URL_ATHENA", error.Message);
        Assert.True(error.IsBadInput);
    }

    [Fact]
    public async Task A_missing_named_profile_is_a_configuration_error()
    {
        var chain = new AwsCredentialChain(new AwsSettings { Region = "us-east-1", Profile = "no-such-profile-" + Guid.NewGuid().ToString("N") });
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(chain.GetAsync);
        Assert.Contains("no-such-profile-", error.Message);
    }
}
