using Parquet;
using Parquet.Meta;
using static FlowLogAthena.Synthetic.Tests.GeneratorTestSupport;

namespace FlowLogAthena.Synthetic.Tests;

public sealed class GeneratorParquetOutputTests
{
    [Fact]
    public async Task Parquet_files_have_one_nullable_typed_column_per_field_and_the_observers_rows()
    {
        using var temp = new TempFolder();
        var options = new GeneratorOptions
        {
            Root = temp.Path,
            Format = AllFields,
            Records = 3_000,
            Layout = new SourceLayout(FileFormat: LogFileFormat.Parquet),
        };

        var summary = await FlowLogGenerator.GenerateAsync(options);
        var plan = FlowLogGenerator.Plan(options);

        foreach (var file in plan.Files)
        {
            await using var reader = await ParquetReader.CreateAsync(file.FullPath);
            var columns = reader.Schema.DataFields;
            Assert.Equal(AllFields.Fields.Select(f => f.ColumnName), columns.Select(c => c.Name));
            Assert.All(columns, c => Assert.True(c.IsNullable, c.Name));

            var physical = reader.Metadata!.Schema.Skip(1).ToList(); // the first element is the root
            for (var i = 0; i < physical.Count; i++)
            {
                var expected = AllFields.Fields[i].Type switch
                {
                    FieldType.Int32 => Parquet.Meta.Type.INT32,
                    FieldType.Int64 => Parquet.Meta.Type.INT64,
                    _ => Parquet.Meta.Type.BYTE_ARRAY,
                };
                Assert.Equal(expected, physical[i].Type);
                Assert.Equal(FieldRepetitionType.OPTIONAL, physical[i].RepetitionType);
                if (expected == Parquet.Meta.Type.BYTE_ARRAY) Assert.NotNull(physical[i].LogicalType?.STRING);
            }

            var expectedRows = file.EnumerateRecords().ToList();
            var actual = await ReadColumnsAsync(reader);
            Assert.Equal(expectedRows.Count, actual[0].Length);
            for (var c = 0; c < columns.Length; c++)
                Assert.Equal(expectedRows.Select(r => r.GetTyped(c)), actual[c]);
        }
        Assert.Equal(options.Records, summary.Records);
        Assert.All(summary.Files, f => Assert.EndsWith(".log.parquet", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_format_gives_AWSs_parquet_columns()
    {
        using var temp = new TempFolder();
        var summary = await FlowLogGenerator.GenerateAsync(new GeneratorOptions
        {
            Root = temp.Path,
            Records = 100,
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
            Layout = new SourceLayout(FileFormat: LogFileFormat.Parquet),
        });

        await using var reader = await ParquetReader.CreateAsync(summary.Files.Single().Path);
        var columns = reader.Metadata!.Schema.Skip(1).Select(e => $"{e.Name}:{e.Type}").ToArray();

        Assert.Equal(
        [
            "version:INT32", "account_id:BYTE_ARRAY", "interface_id:BYTE_ARRAY", "srcaddr:BYTE_ARRAY", "dstaddr:BYTE_ARRAY",
            "srcport:INT32", "dstport:INT32", "protocol:INT32", "packets:INT64", "bytes:INT64", "start:INT64", "end:INT64",
            "action:BYTE_ARRAY", "log_status:BYTE_ARRAY",
        ], columns);
        var rows = await ReadColumnsAsync(reader);
        Assert.Equal(100, rows[0].Length);
        Assert.All(rows[1], account => Assert.Equal("012345678901", account));
    }

    /// <summary>Every column of every row group, as int?, long? or string values.</summary>
    private static async Task<object?[][]> ReadColumnsAsync(ParquetReader reader)
    {
        var columns = reader.Schema.DataFields;
        var result = columns.Select(_ => new List<object?>()).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c].ClrType == typeof(int))
                {
                    var values = new int?[rows];
                    await group.ReadAsync<int>(columns[c], values.AsMemory());
                    result[c].AddRange(values.Cast<object?>());
                }
                else if (columns[c].ClrType == typeof(long))
                {
                    var values = new long?[rows];
                    await group.ReadAsync<long>(columns[c], values.AsMemory());
                    result[c].AddRange(values.Cast<object?>());
                }
                else
                {
                    var values = new string?[rows];
                    await group.ReadAsync(columns[c], values.AsMemory());
                    result[c].AddRange(values);
                }
            }
        }
        return result.Select(r => r.ToArray()).ToArray();
    }
}
