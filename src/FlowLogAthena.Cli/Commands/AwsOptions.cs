using System.CommandLine;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Aws.S3;
using FlowLogAthena.Cli.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// AWS options shared by the commands that reach AWS. Credentials are never options: they come only from
/// the standard chain (environment, profiles, SSO, instance roles). Region and endpoints come from the
/// standard variables (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ATHENA|GLUE|S3).
/// </summary>
public sealed class AwsOptions
{
    public Option<string?> ExpectedBucketOwner { get; } = new("--expected-bucket-owner")
    {
        Description = "Account id that must own every bucket read or written (S3 refuses otherwise).",
    };

    public Option<string?> KmsKey { get; } = new("--kms-key")
    {
        Description = "KMS key for server-side encryption of what is written to S3 (SSE-S3 when omitted).",
    };

    public void AddTo(Command command)
    {
        command.Add(ExpectedBucketOwner);
        command.Add(KmsKey);
    }

    /// <summary>Clients from the standard settings; with --verbose every Athena/Glue call attempt is printed (no secrets in it).</summary>
    public static AwsClients CreateClients(ParseResult parse, Terminal terminal) =>
        AwsClients.Create(AwsSettings.FromEnvironment(), trace: parse.GetValue(GlobalOptions.Verbose)
            ? record => terminal.Note(Spectre.Console.Markup.Escape("aws: " + record))
            : null);

    public S3WriteOptions WriteOptions(ParseResult parse) => new()
    {
        ExpectedBucketOwner = parse.GetValue(ExpectedBucketOwner),
        KmsKeyId = parse.GetValue(KmsKey),
    };
}
