using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlowLogAthena.Infra.Tests;

/// <summary>
/// The CLI and worker policies are least privilege: named actions only, every resource one of the stack's
/// (workgroup, Glue catalog/database/table, bucket, the log and results prefixes), and they grant every AWS call
/// the code makes, so a new call without a policy change fails here instead of in production.
/// </summary>
public sealed partial class IamPolicyTests
{
    private static readonly CfnTemplate Policies = CfnTemplate.Load("iam-policies.json");

    /// <summary>
    /// Actions AWS authorizes only on <c>"Resource": "*"</c> that a client of Athena, Glue or S3 might reach for.
    /// None is needed: the CLI is told its workgroup, database, table and bucket, so it lists none of them.
    /// </summary>
    private static readonly HashSet<string> OnlyOnStar = new(StringComparer.Ordinal)
    {
        "athena:ListWorkGroups", "athena:ListDataCatalogs", "athena:ListEngineVersions", "athena:ListCapacityReservations",
        "s3:ListAllMyBuckets", "glue:GetCatalogs",
    };

    /// <summary>Values a deployment with the defaults resolves, the flow log stack's exports among them.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["AWS::AccountId"] = "123456789012",
        ["AWS::Region"] = "eu-west-1",
        ["AWS::Partition"] = "aws",
        ["AWS::StackName"] = "flowlog-athena-iam",
        ["FlowLogStackName"] = Policies.DefaultOf("FlowLogStackName"),
        ["TableName"] = Policies.DefaultOf("TableName"),
        ["ReportsPrefix"] = Policies.DefaultOf("ReportsPrefix"),
        ["TwinPrefix"] = Policies.DefaultOf("TwinPrefix"),
        ["InventoryRoleName"] = Policies.DefaultOf("InventoryRoleName"),
        ["ReferencePrefix"] = Policies.DefaultOf("ReferencePrefix"),
        ["Export:flowlog-athena-BucketName"] = "logs-bucket",
        ["Export:flowlog-athena-LogPrefix"] = "flowlogs",
        ["Export:flowlog-athena-ResultsPrefix"] = "results",
        ["Export:flowlog-athena-DatabaseName"] = "flowlogs",
        ["Export:flowlog-athena-WorkGroupName"] = "flowlog-athena",
    };

    /// <summary>Every resource a statement may name once deployed, with the exact prefixes wildcards may follow.</summary>
    private static readonly HashSet<string> StackResources = new(StringComparer.Ordinal)
    {
        "arn:aws:athena:eu-west-1:123456789012:workgroup/flowlog-athena",
        "arn:aws:glue:eu-west-1:123456789012:catalog",
        "arn:aws:glue:eu-west-1:123456789012:database/flowlogs",
        "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/vpc_flow_logs",
        "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/vpc_flow_logs_parquet",
        "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/aws_ip_ranges",
        "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/interface_inventory",
        "arn:aws:s3:::logs-bucket",
        "arn:aws:s3:::logs-bucket/flowlogs/*",
        "arn:aws:s3:::logs-bucket/results/*",
        "arn:aws:s3:::logs-bucket/flowlog-reports/*",
        "arn:aws:s3:::logs-bucket/flowlog-parquet/*",
        "arn:aws:s3:::logs-bucket/flowlog-reference/*",
    };

    public static TheoryData<string> PolicyIds() => ["CliPolicy", "WorkerPolicy"];

    private static List<JsonObject> Statements(string policy) =>
        Policies.Properties(policy)["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();

    private static IEnumerable<string> List(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => CfnTemplate.Evaluate(x, Names)),
        null => [],
        _ => [CfnTemplate.Evaluate(node, Names)],
    };

    /// <summary>The actions a policy allows on a resource, matching IAM's globs.</summary>
    private static HashSet<string> AllowedOn(string policy, string resourceArn) => Statements(policy)
        .Where(s => List(s["Resource"]).Any(r => IamGlob.Matches(r, resourceArn)))
        .SelectMany(s => List(s["Action"])).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Actions(string policy) => Statements(policy).SelectMany(s => List(s["Action"])).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void Policy_allows_named_actions_on_the_stacks_resources_only(string policy)
    {
        Assert.Equal("AWS::IAM::ManagedPolicy", Policies.Resource(policy)["Type"]!.ToString());
        foreach (var statement in Statements(policy))
        {
            var sid = statement["Sid"]!.ToString();
            Assert.Equal("Allow", statement["Effect"]!.ToString());
            Assert.Null(statement["NotAction"]);
            Assert.Null(statement["NotResource"]);
            foreach (var action in List(statement["Action"]))
                Assert.Matches(ActionPattern(), action);
            var resources = List(statement["Resource"]).ToList();
            Assert.NotEmpty(resources);
            if (resources.Contains("*"))
                Assert.Fail($"{policy}/{sid}: Resource \"*\" with {string.Join(", ", List(statement["Action"]).Where(a => !OnlyOnStar.Contains(a)))}, which AWS scopes to resources");
            foreach (var resource in resources)
                Assert.True(StackResources.Contains(resource), $"{policy}/{sid}: {resource} is not one of the stack's resources");
        }
        Assert.Empty(Actions(policy).Intersect(OnlyOnStar));
    }

    [Fact]
    public void Listing_the_bucket_is_limited_to_the_log_and_results_prefixes()
    {
        foreach (var policy in new[] { "CliPolicy", "WorkerPolicy" })
        {
            var list = Statements(policy).Single(s => List(s["Action"]).Contains("s3:ListBucket"));
            Assert.Equal(["s3:ListBucket"], List(list["Action"]));
            Assert.Equal(["flowlogs/*", "results/*", "flowlog-parquet/*", "flowlog-reference/*"], List(list["Condition"]!["StringLike"]!["s3:prefix"]));
        }
    }

    [Fact]
    public void Logs_are_read_only_results_read_write_job_outputs_write_only_and_the_twin_compacts_own()
    {
        const string log = "arn:aws:s3:::logs-bucket/flowlogs/AWSLogs/123456789012/vpcflowlogs/eu-west-1/2026/11/03/x.log.gz";
        const string result = "arn:aws:s3:::logs-bucket/results/athena/0f6c3b1e.csv";
        const string report = "arn:aws:s3:::logs-bucket/flowlog-reports/weekly-report/2026-11-16/report.html";
        const string twin = "arn:aws:s3:::logs-bucket/flowlog-parquet/AWSLogs/123456789012/vpcflowlogs/eu-west-1/2026/11/03/x.log.parquet";
        foreach (var policy in new[] { "CliPolicy", "WorkerPolicy" })
        {
            Assert.Equal(["s3:GetObject"], AllowedOn(policy, log));
            Assert.Equal(["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"], AllowedOn(policy, result).Order(StringComparer.Ordinal));
            Assert.Equal(["s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:PutObject"], AllowedOn(policy, report).Order(StringComparer.Ordinal));
            // The Parquet twin is compact's own: written, read back (markers), and its stale files and staging deleted.
            Assert.Equal(["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"], AllowedOn(policy, twin).Order(StringComparer.Ordinal));
            Assert.Empty(AllowedOn(policy, "arn:aws:s3:::logs-bucket/other/x"));
            // The tables beside the flow log table: the CLI publishes them (ranges publish, inventory sync), the worker only reads.
            const string reference = "arn:aws:s3:::logs-bucket/flowlog-reference/ip-ranges/sync-1790000000/aws-ip-ranges.tsv.gz";
            Assert.Equal(policy == "CliPolicy" ? ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"] : ["s3:GetObject"],
                AllowedOn(policy, reference).Order(StringComparer.Ordinal));
            Assert.Equal(policy == "CliPolicy"
                    ? ["glue:BatchCreatePartition", "glue:BatchGetPartition", "glue:CreateTable", "glue:GetPartitions", "glue:GetTable", "glue:UpdateTable"]
                    : ["glue:BatchGetPartition", "glue:GetPartitions", "glue:GetTable"],
                AllowedOn(policy, "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/interface_inventory").Order(StringComparer.Ordinal));
            Assert.Empty(AllowedOn(policy, "arn:aws:s3:::another-bucket/flowlogs/x"));
        }
    }

    [Fact]
    public void Worker_changes_no_table_but_the_twins_and_has_nothing_the_cli_lacks()
    {
        var worker = Actions("WorkerPolicy");
        var cli = Actions("CliPolicy");
        const string text = "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/vpc_flow_logs";
        const string twin = "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/vpc_flow_logs_parquet";

        // A compaction job keeps the twin's table up to date; the text table is the person's, through provision.
        Assert.DoesNotContain(AllowedOn("WorkerPolicy", text), a => a.StartsWith("glue:", StringComparison.Ordinal) && !a.StartsWith("glue:Get", StringComparison.Ordinal) && !a.StartsWith("glue:BatchGet", StringComparison.Ordinal));
        Assert.Subset(AllowedOn("WorkerPolicy", twin), new HashSet<string>(StringComparer.Ordinal) { "glue:CreateTable", "glue:UpdateTable", "glue:GetTable" });
        Assert.Subset(cli, worker);
        Assert.Equal(["glue:BatchCreatePartition", "glue:BatchUpdatePartition"], cli.Except(worker).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(AllowedOn("CliPolicy", "arn:aws:glue:eu-west-1:123456789012:table/flowlogs/other_table"), a => a.Contains("Create", StringComparison.Ordinal) || a.Contains("Update", StringComparison.Ordinal));
    }

    [Fact]
    public void Policies_grant_every_Athena_and_Glue_call_the_code_makes()
    {
        var called = CalledOperations();
        Assert.Contains("glue:CreateTable", called);
        Assert.Contains("athena:StopQueryExecution", called);

        // provision creates the database only when GetDatabase finds none; the stack creates it.
        var cliNeeds = called.Where(a => a != "glue:CreateDatabase");
        Assert.Subset(Actions("CliPolicy"), cliNeeds.ToHashSet(StringComparer.Ordinal));
        // The worker runs queries against a provisioned table: every Athena call, Glue reads only.
        var workerNeeds = called.Where(a => a.StartsWith("athena:", StringComparison.Ordinal) || a.StartsWith("glue:Get", StringComparison.Ordinal));
        Assert.Subset(Actions("WorkerPolicy"), workerNeeds.ToHashSet(StringComparer.Ordinal));
        Assert.Contains("glue:GetTable", workerNeeds);
    }

    [Fact]
    public void Policies_grant_the_S3_permission_of_every_S3_call_the_code_makes()
    {
        var calls = Directory.EnumerateFiles(RepositoryRoot.Combine("src", "FlowLogAthena.Aws"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => S3CallPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("ListObjectsV2", calls);
        Assert.Contains("CopyObject", calls);

        var needed = calls.SelectMany(call => call switch
        {
            "ListObjectsV2" => new[] { "s3:ListBucket" },
            "GetObject" => ["s3:GetObject"],
            "PutObject" or "InitiateMultipartUpload" or "UploadPart" or "CompleteMultipartUpload" => ["s3:PutObject"],
            "AbortMultipartUpload" => ["s3:AbortMultipartUpload"],
            "CopyObject" => ["s3:GetObject", "s3:PutObject"],
            "DeleteObjects" => ["s3:DeleteObject"],
            _ => throw new InvalidOperationException($"The code calls S3 {call}; add its permission to infra/iam-policies.json and this map."),
        }).ToHashSet(StringComparer.Ordinal);
        foreach (var policy in new[] { "CliPolicy", "WorkerPolicy" })
            Assert.Subset(Actions(policy), needed);
    }

    [Fact]
    public void The_inventory_policy_grants_exactly_the_ec2_and_sts_calls_the_code_makes_and_nothing_else_does()
    {
        var calls = Directory.EnumerateFiles(RepositoryRoot.Combine("src", "FlowLogAthena.Aws"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => InventoryCallPattern().Matches(File.ReadAllText(f)).Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value}"))
            // GetCallerIdentity needs no permission (AWS answers it for any valid credentials).
            .Where(call => call != "sts:GetCallerIdentity")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "sts:AssumeRole"], calls.Order(StringComparer.Ordinal));

        Assert.Equal(calls.Order(StringComparer.Ordinal), Actions("InventoryPolicy").Order(StringComparer.Ordinal));
        // Describe calls take no resource ARN; the role assumed is only the named one.
        var assume = Statements("InventoryPolicy").Single(s => List(s["Action"]).Contains("sts:AssumeRole"));
        Assert.Equal(["arn:aws:iam::*:role/flowlog-athena-inventory"], List(assume["Resource"]));
        foreach (var policy in new[] { "CliPolicy", "WorkerPolicy" })
            Assert.DoesNotContain(Actions(policy), a => a.StartsWith("ec2:", StringComparison.Ordinal) || a.StartsWith("sts:", StringComparison.Ordinal));
        Assert.Equal("InventoryPolicy", Policies.Outputs["InventoryPolicyArn"]!["Value"]!["Ref"]!.ToString());
    }

    [Fact]
    public void Outputs_give_the_policies_names_and_arns()
    {
        Assert.Equal("CliPolicy", Policies.Outputs["CliPolicyArn"]!["Value"]!["Ref"]!.ToString());
        Assert.Equal("WorkerPolicy", Policies.Outputs["WorkerPolicyArn"]!["Value"]!["Ref"]!.ToString());
        Assert.Equal(CfnTemplate.Evaluate(Policies.Properties("CliPolicy")["ManagedPolicyName"], Names), CfnTemplate.Evaluate(Policies.Outputs["CliPolicyName"]!["Value"], Names));
        Assert.Equal(CfnTemplate.Evaluate(Policies.Properties("WorkerPolicy")["ManagedPolicyName"], Names), CfnTemplate.Evaluate(Policies.Outputs["WorkerPolicyName"]!["Value"], Names));
    }

    [Fact]
    public void Imports_name_the_flow_log_stacks_exports()
    {
        var stack = CfnTemplate.Load("flowlog-stack.json");
        var exports = stack.Outputs.Where(o => o.Value?["Export"] is not null)
            .Select(o => CfnTemplate.Evaluate(o.Value!["Export"]!["Name"], new Dictionary<string, string> { ["AWS::StackName"] = "flowlog-athena" }))
            .ToHashSet(StringComparer.Ordinal);
        var imports = new HashSet<string>(StringComparer.Ordinal);
        void Visit(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o["Fn::ImportValue"] is { } name) imports.Add(CfnTemplate.Evaluate(name, Names));
                foreach (var (_, child) in o) Visit(child);
            }
            else if (node is JsonArray a)
                foreach (var child in a) Visit(child);
        }
        Visit(Policies.Root);

        Assert.Equal(5, imports.Count);
        Assert.Subset(exports, imports);
    }

    /// <summary>
    /// <c>glue:X</c> / <c>athena:X</c> for each operation of IGlueApi / IAthenaApi that some code outside the
    /// client and interface calls (GetWorkGroup is declared but has no caller, so it is not granted).
    /// </summary>
    private static HashSet<string> CalledOperations()
    {
        var source = RepositoryRoot.Combine("src");
        var callers = string.Join('\n', Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is not ("GlueClient.cs" or "AthenaClient.cs" or "IGlueApi.cs" or "IAthenaApi.cs"))
            .Select(File.ReadAllText));
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (service, file) in new[] { ("glue", Path.Combine(source, "FlowLogAthena.Aws", "Glue", "IGlueApi.cs")), ("athena", Path.Combine(source, "FlowLogAthena.Aws", "Athena", "IAthenaApi.cs")) })
        {
            var operations = InterfaceOperationPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(operations);
            foreach (var operation in operations)
                if (callers.Contains($".{operation}Async(", StringComparison.Ordinal)) called.Add($"{service}:{operation}");
        }
        return called;
    }

    [GeneratedRegex(@"^(athena|glue|s3):[A-Z][A-Za-z0-9]+$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"\b_?s3\.(\w+)Async\(")]
    private static partial Regex S3CallPattern();

    [GeneratedRegex(@"\b(ec2|sts)\.(\w+)Async\(")]
    private static partial Regex InventoryCallPattern();

    [GeneratedRegex(@"Task<\w+Response> (\w+)Async\(")]
    private static partial Regex InterfaceOperationPattern();
}
