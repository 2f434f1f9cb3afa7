using System.Text.RegularExpressions;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Infra.Tests;

/// <summary>
/// The flow log stack creates a format and layout that <c>flowlog-athena provision</c> handles, and the table it
/// provisions points where the flow log delivers, inside what the bucket policy lets AWS write.
/// </summary>
public sealed class FlowLogStackTests
{
    private const string Account = "123456789012";
    private const string Region = "eu-west-1";
    private const string Bucket = "flowlog-stack-logbucket-abc123";

    private static readonly CfnTemplate Stack = CfnTemplate.Load("flowlog-stack.json");

    /// <summary>The names a deployment of the stack with its defaults resolves (what CloudFormation would supply).</summary>
    private static Dictionary<string, string> DeployedNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS::AccountId"] = Account,
            ["AWS::Region"] = Region,
            ["AWS::Partition"] = "aws",
            ["AWS::StackName"] = "flowlog-athena",
            ["LogBucket"] = Bucket,
            ["LogBucket.Arn"] = "arn:aws:s3:::" + Bucket,
            ["GlueDatabase"] = Stack.DefaultOf("DatabaseName"),
            ["WorkGroup"] = Stack.DefaultOf("WorkGroupName"),
        };
        foreach (var (name, parameter) in Stack.Parameters)
            if (parameter?["Default"] is { } value) names[name] = value.ToString();
        return names;
    }

    /// <summary>
    /// The layout a flow log created with these DestinationOptions delivers in, as <c>provision</c>'s
    /// <c>--file-format</c>, <c>--layout</c> and <c>--partitioning</c> name it. A value this does not know fails.
    /// </summary>
    public static SourceLayout LayoutOf(string fileFormat, string hiveCompatiblePartitions, string perHourPartition) => new(
        hiveCompatiblePartitions switch
        {
            "true" => PrefixStyle.Hive,
            "false" => PrefixStyle.Default,
            _ => throw new ArgumentException($"HiveCompatiblePartitions '{hiveCompatiblePartitions}'"),
        },
        perHourPartition switch
        {
            "true" => Partitioning.Hourly,
            "false" => Partitioning.Daily,
            _ => throw new ArgumentException($"PerHourPartition '{perHourPartition}'"),
        },
        fileFormat switch
        {
            "plain-text" => LogFileFormat.Text,
            "parquet" => LogFileFormat.Parquet,
            _ => throw new ArgumentException($"FileFormat '{fileFormat}'"),
        });

    /// <summary>Every combination of DestinationOptions the template's AllowedValues let a deployment choose.</summary>
    public static TheoryData<string, string, string> AllowedDestinationOptions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var fileFormat in Stack.AllowedValues("FileFormat"))
            foreach (var hive in Stack.AllowedValues("HiveCompatiblePartitions"))
                foreach (var perHour in Stack.AllowedValues("PerHourPartition"))
                    data.Add(fileFormat, hive, perHour);
        return data;
    }

    [Fact]
    public void Flow_log_takes_its_destination_options_and_format_from_the_parameters()
    {
        var flowLog = Stack.Properties("FlowLog");
        var options = flowLog["DestinationOptions"]!;

        Assert.Equal("FileFormat", options["FileFormat"]!["Ref"]!.ToString());
        Assert.Equal("HiveCompatiblePartitions", options["HiveCompatiblePartitions"]!["Ref"]!.ToString());
        Assert.Equal("PerHourPartition", options["PerHourPartition"]!["Ref"]!.ToString());
        Assert.Equal("LogFormat", flowLog["LogFormat"]!["Ref"]!.ToString());
        Assert.Equal("s3", flowLog["LogDestinationType"]!.ToString());
        Assert.Equal(["60", "600"], Stack.AllowedValues("MaxAggregationInterval"));
        // AWS would otherwise attach its own bucket policy while creating the flow log.
        Assert.Equal("LogBucketPolicy", Stack.Resource("FlowLog")["DependsOn"]!.ToString());
    }

    [Fact]
    public void Every_allowed_destination_option_is_one_provision_handles()
    {
        Assert.Equal(["plain-text", "parquet"], Stack.AllowedValues("FileFormat"));
        Assert.Equal(["true", "false"], Stack.AllowedValues("HiveCompatiblePartitions"));
        Assert.Equal(["true", "false"], Stack.AllowedValues("PerHourPartition"));
        var layouts = AllowedDestinationOptions().Select(row => LayoutOf((string)row[0], (string)row[1], (string)row[2])).ToHashSet();
        Assert.Equal(8, layouts.Count);
        Assert.Contains(SourceLayout.DefaultLayout, layouts);
        Assert.Equal(LayoutOf(Stack.DefaultOf("FileFormat"), Stack.DefaultOf("HiveCompatiblePartitions"), Stack.DefaultOf("PerHourPartition")), SourceLayout.DefaultLayout);
    }

    [Fact]
    public void Default_log_format_parses_and_reads_back_as_the_header_AWS_writes()
    {
        var text = Stack.DefaultOf("LogFormat");

        var format = FlowLogFormat.Parse(text);

        // Text files start with the field names; the CLI checks --format against that header, spelled as the format is.
        Assert.Equal(text, format.FormatString);
        Assert.NotEqual(FlowLogFormat.Default.FormatString, format.FormatString);
        foreach (var needed in new[] { "srcaddr", "dstaddr", "bytes", "start", "action", "log-status", "vpc-id", "pkt-srcaddr", "flow-direction", "traffic-path" })
            Assert.True(format.IndexOf(needed) >= 0, $"the default format lacks {needed}");
    }

    [Theory]
    [MemberData(nameof(AllowedDestinationOptions))]
    public void Provisioned_table_reads_where_the_flow_log_delivers(string fileFormat, string hive, string perHour)
    {
        var names = DeployedNames();
        var layout = LayoutOf(fileFormat, hive, perHour);
        var destination = CfnTemplate.Evaluate(Stack.Properties("FlowLog")["LogDestination"], names);
        var sourceRoot = CfnTemplate.Evaluate(Stack.Outputs["Source"]!["Value"], names);
        var source = new FlowLogSource(sourceRoot, FlowLogFormat.Parse(Stack.DefaultOf("LogFormat")), layout);

        var table = TableDefinition.For(source, new TableOptions
        {
            Database = CfnTemplate.Evaluate(Stack.Outputs["DatabaseName"]!["Value"], names),
            StartDate = new DateOnly(2026, 11, 1),
            Accounts = [Account],
            Regions = [Region],
        });

        // The flow log writes below arn:aws:s3:::bucket/prefix/, which is the --source the stack outputs.
        Assert.Equal($"arn:aws:s3:::{Bucket}/flowlogs/", destination);
        Assert.Equal($"s3://{Bucket}/flowlogs", sourceRoot);
        Assert.Equal($"s3://{Bucket}/flowlogs/AWSLogs/", table.Storage.Location);
        Assert.Equal(layout.FileFormat == LogFileFormat.Parquet ? TableStorage.ParquetSerDe : TableStorage.LazySimpleSerDe, table.Storage.SerializationLibrary);
        Assert.Equal(layout.Partitioning == Partitioning.Hourly ? 4 : 3, table.PartitionKeys.Count);
        Assert.True(table.IsProjected);
        Assert.Equal("flowlogs", table.Database);
        Assert.Contains($"LOCATION '{table.Storage.Location}'", AthenaDdl.CreateTable(table), StringComparison.Ordinal);

        // One delivered object, named and placed as AWS does for this layout, falls under the projected template
        // and under the bucket policy's grant to delivery.logs.amazonaws.com.
        var hour = new DateTime(2026, 11, 3, 14, 0, 0, DateTimeKind.Utc);
        var partition = PartitionPaths.PartitionPrefix(layout, Account, Region, PartitionPaths.PartitionStart(layout.Partitioning, hour));
        var key = $"flowlogs/{partition}/{PartitionPaths.FileName(layout, Account, Region, "fl-0123456789abcdef0", hour.AddMinutes(5), "a1b2c3d4")}";
        var projected = PartitionScheme.For(source).LocationTemplate
            .Replace("${aws_account_id}", Account, StringComparison.Ordinal)
            .Replace("${aws_region}", Region, StringComparison.Ordinal)
            .Replace("${day}", PartitionScheme.DayValue(layout.Prefix, hour), StringComparison.Ordinal)
            .Replace("${hour}", PartitionScheme.HourValue(hour), StringComparison.Ordinal);
        Assert.DoesNotContain("${", projected, StringComparison.Ordinal);
        Assert.StartsWith(projected, $"s3://{Bucket}/{key}", StringComparison.Ordinal);
        Assert.True(DeliveryMayWrite(names, $"arn:aws:s3:::{Bucket}/{key}"), $"the bucket policy does not let log delivery write {key}");
    }

    [Fact]
    public void Bucket_policy_is_the_documented_log_delivery_policy()
    {
        var statements = Stack.Properties("LogBucketPolicy")["PolicyDocument"]!["Statement"]!.AsArray();
        var names = DeployedNames();
        var delivery = statements.Where(s => (s!["Principal"] as System.Text.Json.Nodes.JsonObject)?["Service"]?.ToString() == "delivery.logs.amazonaws.com").ToList();

        Assert.Equal(2, delivery.Count);
        foreach (var statement in delivery)
        {
            Assert.Equal("Allow", statement!["Effect"]!.ToString());
            Assert.Equal(Account, CfnTemplate.Evaluate(statement["Condition"]!["StringEquals"]!["aws:SourceAccount"], names));
            Assert.Equal($"arn:aws:logs:{Region}:{Account}:*", CfnTemplate.Evaluate(statement["Condition"]!["ArnLike"]!["aws:SourceArn"], names));
        }
        var write = delivery.Single(s => s!["Action"]!.ToString() == "s3:PutObject")!;
        Assert.Equal("bucket-owner-full-control", write["Condition"]!["StringEquals"]!["s3:x-amz-acl"]!.ToString());
        var check = delivery.Single(s => s!["Action"] is System.Text.Json.Nodes.JsonArray)!;
        Assert.Equal(["s3:GetBucketAcl", "s3:ListBucket"], check["Action"]!.AsArray().Select(a => a!.ToString()));
        Assert.Equal($"arn:aws:s3:::{Bucket}", CfnTemplate.Evaluate(check["Resource"], names));
        // Another account's logs, or a key outside the prefix, are not writable.
        Assert.False(DeliveryMayWrite(names, $"arn:aws:s3:::{Bucket}/flowlogs/AWSLogs/999999999999/vpcflowlogs/x.log.gz"));
        Assert.False(DeliveryMayWrite(names, $"arn:aws:s3:::{Bucket}/flowlogs/AWSLogs/aws-account-id=999999999999/x.log.gz"));
        Assert.False(DeliveryMayWrite(names, $"arn:aws:s3:::{Bucket}/results/AWSLogs/{Account}/x.log.gz"));
    }

    [Fact]
    public void Bucket_is_encrypted_private_and_expires_logs_and_results()
    {
        var bucket = Stack.Properties("LogBucket");
        var names = DeployedNames();

        Assert.Equal("AES256", bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.ToString());
        foreach (var setting in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
            Assert.Equal("true", bucket["PublicAccessBlockConfiguration"]![setting]!.ToString());
        var rules = bucket["LifecycleConfiguration"]!["Rules"]!.AsArray()
            .ToDictionary(r => CfnTemplate.Evaluate(r!["Prefix"], names), r => r!["ExpirationInDays"]!["Ref"]!.ToString());
        Assert.Equal(new Dictionary<string, string> { ["flowlogs/"] = "LogRetentionDays", ["results/"] = "ResultsRetentionDays" }, rules);
        Assert.Equal("Retain", Stack.Resource("LogBucket")["DeletionPolicy"]!.ToString());
    }

    [Fact]
    public void Workgroup_enforces_an_encrypted_result_location_in_the_results_prefix_and_a_scan_cutoff()
    {
        var configuration = Stack.Properties("WorkGroup")["WorkGroupConfiguration"]!;
        var names = DeployedNames();

        Assert.Equal("true", configuration["EnforceWorkGroupConfiguration"]!.ToString());
        Assert.Equal("BytesScannedCutoffPerQuery", configuration["BytesScannedCutoffPerQuery"]!["Ref"]!.ToString());
        Assert.Equal("10000000", Stack.Parameter("BytesScannedCutoffPerQuery")["MinValue"]!.ToString());
        Assert.Equal($"s3://{Bucket}/results/athena/", CfnTemplate.Evaluate(configuration["ResultConfiguration"]!["OutputLocation"], names));
        Assert.Equal("SSE_S3", configuration["ResultConfiguration"]!["EncryptionConfiguration"]!["EncryptionOption"]!.ToString());
        Assert.Equal("WorkGroupName", Stack.Properties("WorkGroup")["Name"]!["Ref"]!.ToString());
        Assert.Equal("DatabaseName", Stack.Properties("GlueDatabase")["DatabaseInput"]!["Name"]!["Ref"]!.ToString());
    }

    [Fact]
    public void Readme_gives_the_provision_flags_of_every_allowed_combination_and_documents_every_parameter()
    {
        var readme = File.ReadAllText(Path.Combine(CfnTemplate.Folder, "README.md"));
        var rows = Regex.Matches(readme, @"^\| `([a-z-]+)` \| `([a-z]+)` \| `([a-z]+)` \| `([^`]+)` \|$", RegexOptions.Multiline)
            .ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value), m => m.Groups[4].Value);

        var combinations = AllowedDestinationOptions().Select(r => ((string)r[0], (string)r[1], (string)r[2])).ToList();
        Assert.Equal(combinations.Order(), rows.Keys.Order());
        foreach (var (fileFormat, hive, perHour) in combinations)
        {
            var layout = LayoutOf(fileFormat, hive, perHour);
            var flags = $"--file-format {layout.FileFormat.ToString().ToLowerInvariant()} --layout {layout.Prefix.ToString().ToLowerInvariant()} --partitioning {layout.Partitioning.ToString().ToLowerInvariant()}";
            Assert.Equal(flags, rows[(fileFormat, hive, perHour)]);
        }
        foreach (var (name, _) in Stack.Parameters)
            Assert.Contains($"`{name}`", readme, StringComparison.Ordinal);
    }

    /// <summary>Whether the bucket policy's PutObject grant to log delivery covers the object ARN (IAM's * glob).</summary>
    private static bool DeliveryMayWrite(Dictionary<string, string> names, string objectArn)
    {
        var write = Stack.Properties("LogBucketPolicy")["PolicyDocument"]!["Statement"]!.AsArray()
            .Single(s => s!["Sid"]!.ToString() == "AWSLogDeliveryWrite")!;
        // Default prefixes put the account id folder below AWSLogs/, Hive-compatible ones aws-account-id=…; one pattern each.
        return write["Resource"]!.AsArray().Any(r => IamGlob.Matches(CfnTemplate.Evaluate(r, names), objectArn));
    }
}

/// <summary>IAM's resource matching: <c>*</c> any run of characters, <c>?</c> one character.</summary>
public static class IamGlob
{
    public static bool Matches(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$");
}
