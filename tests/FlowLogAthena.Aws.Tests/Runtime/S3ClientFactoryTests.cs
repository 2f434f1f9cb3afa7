using Amazon.S3.Model;

namespace FlowLogAthena.Aws.Tests.Runtime;

[Collection(MotoTests.Name)]
public sealed class S3ClientFactoryTests(MotoServer moto)
{
    [Fact]
    public void An_endpoint_override_means_path_style_signed_for_the_region()
    {
        var config = AwsClients.CreateS3Config(new AwsSettings { Region = "eu-west-1", EndpointUrl = new Uri("http://127.0.0.1:9/") });

        Assert.True(config.ForcePathStyle);
        Assert.Equal("http://127.0.0.1:9/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void Without_an_override_the_region_endpoint_is_used()
    {
        var config = AwsClients.CreateS3Config(new AwsSettings { Region = "eu-west-1" });

        Assert.Equal("eu-west-1", config.RegionEndpoint.SystemName);
        Assert.False(config.ForcePathStyle);
    }

    [Fact]
    public async Task The_factory_client_writes_objects_boto3_reads()
    {
        using var aws = moto.CreateClients();
        var bucket = "factory-" + Guid.NewGuid().ToString("N")[..8];

        await aws.S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await aws.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "a/b.txt", ContentBody = "hello flow logs" });

        var boto = await Boto3.RunAsync(moto, $"out(client('s3').get_object(Bucket='{bucket}', Key='a/b.txt')['Body'].read().decode())");
        Assert.Equal("hello flow logs", boto.GetString());
    }
}
