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

    /// <summary>S3 is spoken by AWSSDK.S3; listed here for endpoint resolution only.</summary>
    public static readonly AwsService S3 = new("s3", null, "s3", "S3");

    public override string ToString() => SigningName;
}
