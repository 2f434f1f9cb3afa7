using FlowLogAthena.Core.Tables;
using FlowLogAthena.Core.Tests.Tables;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// Every DDL statement the project prints (<see cref="AthenaDdl"/>) parses with dt-sql-parser's HiveSQL grammar,
/// the dialect Athena runs DDL in: every layout, both partition modes, several formats, odd names and comments.
/// </summary>
public sealed class AthenaDdlGrammarTests
{
    private static readonly string[] Formats =
    [
        FlowLogFormat.DefaultFormatString,
        "${srcaddr} ${dstaddr} ${bytes} ${end} ${reject-reason} ${interface-tag-2}",
        TableSamples.EveryField.FormatString,
        FlowLogFormat.TransitGatewayDefault.FormatString,
    ];

    private static IEnumerable<SqlGrammarCheck.Statement> EveryDdl()
    {
        yield return Hive("create database", AthenaDdl.CreateDatabase(TableOptions.DefaultDatabase));
        foreach (var layout in TableSamples.AllLayouts())
        {
            var source = TableSamples.Source(layout);
            foreach (var (mode, options) in new[] { ("projection", TableSamples.Projected), ("explicit", TableSamples.Explicit) })
                for (var i = 0; i < Formats.Length; i++)
                {
                    var table = TableDefinition.For(source with { Format = FlowLogFormat.Parse(Formats[i]) }, options);
                    yield return Hive($"create table {layout} {mode} format {i + 1}", AthenaDdl.CreateTable(table));
                }

            var explicitTable = TableDefinition.For(source, TableSamples.Explicit);
            var scheme = PartitionScheme.For(source);
            var start = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
            var partitions = Enumerable.Range(0, 3).Select(n => scheme.Partition(TableSamples.Account, "us-east-1", start + n * PartitionPaths.PartitionLength(layout.Partitioning)));
            foreach (var statement in AthenaDdl.AddPartitions(explicitTable, partitions))
                yield return Hive($"add partitions {layout}", statement);
        }

        var odd = TableSamples.Table() with
        {
            Columns = [new TableColumn("end", "bigint", "it's a\\path\nwith\ttabs"), new TableColumn("date", "string")],
        };
        yield return Hive("create table with reserved names and escaped comments", AthenaDdl.CreateTable(odd));
    }

    private static SqlGrammarCheck.Statement Hive(string name, string sql) => new(name, sql, SqlGrammar.Hive);

    [Fact]
    public async Task Every_printed_ddl_statement_parses_as_Hive_SQL()
    {
        var statements = EveryDdl().ToList();

        var result = await SqlGrammarCheck.RunAsync(statements);

        Assert.True(result.ExitCode == 0, $"Printed Athena DDL that does not parse as Hive SQL:\n{result.Problems}");
        Assert.Contains($"{statements.Count} of {statements.Count} statements parse as Hive SQL, 0 failed", result.Output);
        Assert.True(statements.Count > 50, $"only {statements.Count} statements checked");
    }

    [Fact]
    public async Task Broken_ddl_is_rejected_with_line_and_column_while_valid_ddl_and_a_trino_query_beside_it_pass()
    {
        var valid = AthenaDdl.CreateTable(TableSamples.Table());

        var result = await SqlGrammarCheck.RunAsync(
        [
            Hive("valid", valid),
            Hive("trailing-comma", "CREATE EXTERNAL TABLE `t` (\n  `a` int,\n)\nLOCATION 's3://b/'"),
            Hive("bad-type", "CREATE EXTERNAL TABLE `t` (`a` in)"),
            Hive("no-location", "ALTER TABLE `t` ADD IF NOT EXISTS PARTITION (`day` = '2026/11/02') LOCATION"),
            Hive("trino-quotes", valid.Replace("`flowlogs`.`vpc_flow_logs`", "\"flowlogs\".\"vpc_flow_logs\"", StringComparison.Ordinal)),
            new("query", "SELECT \"srcaddr\" FROM \"flowlogs\".\"vpc_flow_logs\"", SqlGrammar.Trino),
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ok   valid\n", result.Output);
        Assert.Contains("FAIL trailing-comma\n  line 3, column 1: ", result.Output);
        Assert.Contains("FAIL bad-type\n  line 1, column 32: ", result.Output);
        Assert.Contains("FAIL no-location\n  line 1, column 76: ", result.Output);
        Assert.Contains("FAIL trino-quotes\n  line 1, column 37: ", result.Output);
        Assert.Contains("ok   query\n", result.Output);
        Assert.Contains("2 of 6 statements parse as Hive SQL or Trino SQL, 4 failed", result.Output);
    }

    [Fact]
    public async Task An_unknown_parser_is_refused_as_bad_input()
    {
        var result = await SqlGrammarCheck.RunAsync([new("query", "SELECT 1", (SqlGrammar)99)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("item 1 has parser \"99\"; use one of \"trino\", \"hive\"", result.Output);
    }
}
