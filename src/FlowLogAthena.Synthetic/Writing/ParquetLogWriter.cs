using System.IO.Compression;
using System.Text;
using FlowLogAthena.Core.Formats;
using FlowLogAthena.Synthetic.Sampling;
using Parquet;
using Parquet.Schema;

namespace FlowLogAthena.Synthetic.Writing;

/// <summary>
/// Writes a Parquet flow log as AWS delivers it: one nullable column per format field named by its column name
/// (<c>log_status</c>), INT32/INT64/UTF-8 string by the field's type, null where text has <c>-</c>, Gzip pages.
/// Strings are decoded into a reused char arena and passed as slices, so a row group costs no string objects.
/// </summary>
internal static class ParquetLogWriter
{
    private const int RowGroupSize = 65_536;

    public static async Task WriteAsync(Stream destination, RecordStream records, RecordEncoder encoder, FlowLogFormat format, CancellationToken cancellationToken)
    {
        // Buffers sized for the file when it is smaller than a row group: small files stay cheap.
        var capacity = (int)Math.Min(RowGroupSize, records.Remaining);
        var columns = format.Fields.Select((field, i) => new Column(field, encoder.Fields[i], capacity)).ToArray();
        var schema = new ParquetSchema(columns.Select(c => (Field)c.DataField));
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Gzip, CompressionLevel = CompressionLevel.Fastest };
        var arena = new CharArena(chunkSize: Math.Clamp(capacity * 64, 4096, 1 << 20));
        await using var writer = await ParquetWriter.CreateAsync(schema, destination, options, append: false, cancellationToken);
        while (records.Remaining > 0)
        {
            arena.Reset();
            var rows = Fill(records, encoder, columns, arena);
            using var rowGroup = writer.CreateRowGroup();
            foreach (var column in columns) await column.WriteAsync(rowGroup, rows, cancellationToken);
            rowGroup.CompleteValidate();
        }
    }

    private static int Fill(RecordStream records, RecordEncoder encoder, Column[] columns, CharArena arena)
    {
        Span<byte> scratch = stackalloc byte[RecordEncoder.MaxLineLength];
        var sample = FlowSample.Empty(0);
        var rows = 0;
        var capacity = columns[0].Capacity;
        while (rows < capacity && records.TryNext(ref sample))
        {
            foreach (var column in columns)
            {
                switch (column.Field.Type)
                {
                    case FieldType.Int32: column.Ints[rows] = (int?)encoder.Number(column.Id, in sample); break;
                    case FieldType.Int64: column.Longs[rows] = encoder.Number(column.Id, in sample); break;
                    default:
                        var length = encoder.WriteField(column.Id, in sample, records.Network, scratch);
                        // Spelled out: a bare null would convert through char[] into an empty string, not a null.
                        column.Strings[rows] = length < 0 ? default(ReadOnlyMemory<char>?) : arena.Add(scratch[..length]);
                        break;
                }
            }
            rows++;
        }
        return rows;
    }

    private sealed class Column
    {
        public Column(FlowLogField field, FieldId id, int capacity)
        {
            Capacity = capacity;
            Field = field;
            Id = id;
            if (field.Type != FieldType.String && !RecordEncoder.IsNumeric(id))
                throw new NotSupportedException($"Field '{field.Name}' is typed {field.Type} but the generator writes it as text.");
            DataField = field.Type switch
            {
                FieldType.Int32 => new DataField<int?>(field.ColumnName),
                FieldType.Int64 => new DataField<long?>(field.ColumnName),
                _ => new DataField<string>(field.ColumnName, nullable: true),
            };
            Ints = field.Type == FieldType.Int32 ? new int?[capacity] : [];
            Longs = field.Type == FieldType.Int64 ? new long?[capacity] : [];
            Strings = field.Type == FieldType.String ? new ReadOnlyMemory<char>?[capacity] : [];
        }

        public int Capacity { get; }

        public FlowLogField Field { get; }
        public FieldId Id { get; }
        public DataField DataField { get; }
        public int?[] Ints { get; }
        public long?[] Longs { get; }
        public ReadOnlyMemory<char>?[] Strings { get; }

        public Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows, CancellationToken cancellationToken) => Field.Type switch
        {
            FieldType.Int32 => rowGroup.WriteAsync<int>(DataField, Ints.AsMemory(0, rows), null, null, cancellationToken),
            FieldType.Int64 => rowGroup.WriteAsync<long>(DataField, Longs.AsMemory(0, rows), null, null, cancellationToken),
            _ => rowGroup.WriteAsync<ReadOnlyMemory<char>>(DataField, Strings.AsMemory(0, rows), null, null, cancellationToken),
        };
    }

    /// <summary>Chunks of chars that string values are decoded into; reused for every row group.</summary>
    private sealed class CharArena(int chunkSize)
    {
        private readonly List<char[]> _chunks = [new char[chunkSize]];
        private int _chunk;
        private int _used;

        public void Reset() => (_chunk, _used) = (0, 0);

        public ReadOnlyMemory<char> Add(ReadOnlySpan<byte> utf8)
        {
            if (_chunks[_chunk].Length - _used < utf8.Length)
            {
                if (++_chunk == _chunks.Count) _chunks.Add(new char[Math.Max(chunkSize, utf8.Length)]);
                _used = 0;
            }
            var chunk = _chunks[_chunk];
            var length = Encoding.UTF8.GetChars(utf8, chunk.AsSpan(_used));
            var value = chunk.AsMemory(_used, length);
            _used += length;
            return value;
        }
    }
}
