using System.Text.Json.Nodes;

namespace FlowLogAthena.Infra.Tests;

public sealed class TemplateWellFormedTests
{
    public static TheoryData<string> Templates() => [.. CfnTemplate.Files.Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void Infra_holds_the_flow_log_stack_and_the_policies()
    {
        // Every *.json in infra/ is a template the theory below checks; these two are the ones the stack needs.
        Assert.Subset(CfnTemplate.Files.Select(Path.GetFileName).ToHashSet(), new HashSet<string?> { "flowlog-stack.json", "iam-policies.json" });
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_is_well_formed_cloudformation(string file)
    {
        var template = CfnTemplate.Load(file);

        Assert.Empty(template.Problems());
    }

    [Fact]
    public void Checker_finds_unresolved_names_unused_parameters_and_bad_defaults()
    {
        var bad = CfnTemplate.Parse("bad", JsonNode.Parse("""
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Parameters": {
                "Used": { "Type": "String", "AllowedValues": ["a", "b"], "Default": "c" },
                "Unused": { "Type": "Number", "MinValue": 10, "Default": 5 }
              },
              "Resources": {
                "Bucket": { "Type": "AWS::S3::Bucket", "DependsOn": "Missing", "Properties": { "BucketName": { "Ref": "Used" } } },
                "Policy": { "Type": "AWS::S3::BucketPolicy", "Properties": {
                  "Bucket": { "Ref": "Buckett" },
                  "Arn": { "Fn::GetAtt": ["Nope", "Arn"] },
                  "Text": { "Fn::Sub": "${Bucket.Arn}/${LogPrefix}/${AWS::AccountId}/${!Literal}" },
                  "Mapped": { "Fn::Sub": ["${X}/${Y}", { "X": "x" }] },
                  "Odd": { "Fn::Magic": "x" } } }
              },
              "Outputs": { "Out": { "Description": "no value" } }
            }
            """)!);

        var problems = bad.Problems();

        Assert.Contains(problems, p => p.Contains("Default 'c' is not among its AllowedValues", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Default 5 is below its MinValue", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("parameter Unused is never used", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DependsOn unknown resource 'Missing'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Ref 'Buckett'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Fn::GetAtt [\"Nope\",\"Arn\"]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("${LogPrefix}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("${Y}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown intrinsic function Fn::Magic", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("output Out has no Value", StringComparison.Ordinal));
        // Resolvable names are not reported: the bucket's attribute, the pseudo parameter, the escaped literal, the map key.
        Assert.DoesNotContain(problems, p => p.Contains("${Bucket.Arn}", StringComparison.Ordinal) || p.Contains("AWS::AccountId", StringComparison.Ordinal)
            || p.Contains("Literal", StringComparison.Ordinal) || p.Contains("${X}", StringComparison.Ordinal));
        Assert.Equal(10, problems.Count);
    }

    [Fact]
    public void Missing_format_version_is_reported()
    {
        var bad = CfnTemplate.Parse("bad", JsonNode.Parse("""{ "Resources": { "B": { "Type": "AWS::S3::Bucket" } }, "Ouputs": {} }""")!);

        Assert.Equal(["unknown top-level section 'Ouputs'", "AWSTemplateFormatVersion is not \"2010-09-09\""], bad.Problems());
    }
}
