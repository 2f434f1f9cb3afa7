namespace FlowLogAthena.Aws.Runtime;

/// <summary>
/// What the runtime needs to know to speak to one AWS service: its SigV4 signing name, the JSON 1.1
/// target prefix (<c>X-Amz-Target: Prefix.Operation</c>), its endpoint host label and the suffix of its
/// <c>AWS_ENDPOINT_URL_*</c> override.
/// </summary>
public sealed record AwsService(string SigningName, string? TargetPrefix, string EndpointPrefix, string EndpointEnvironmentSuffix)
{
    public static readonly AwsService Athena = new("athena", "AmazonAthena", "athena", "ATHENA");

    public static readonly AwsService Glue = new("glue", "AWSGlue", "glue", "GLUE");

    /// <summary>EC2 is spoken by AWSSDK.EC2 (the interface inventory); listed here for endpoint resolution only.</summary>
    public static readonly AwsService Ec2 = new("ec2", null, "ec2", "EC2");

    /// <summary>STS is spoken by AWSSDK.SecurityToken (roles assumed for the inventory); endpoint resolution only.</summary>
    public static readonly AwsService Sts = new("sts", null, "sts", "STS");

    /// <summary>S3 is spoken by AWSSDK.S3; listed here for endpoint resolution only.</summary>
    public static readonly AwsService S3 = new("s3", null, "s3", "S3");

    public override string ToString() => SigningName;
}
