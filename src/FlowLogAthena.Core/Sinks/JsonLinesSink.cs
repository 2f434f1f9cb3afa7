using System.Numerics;
using System.Text.Json;
using FlowLogAthena.Core.Engines;

namespace FlowLogAthena.Core.Sinks;

/// <summary>One JSON object per row and line (<c>{"column": value}</c>), numbers as numbers, NULL as null.</summary>
internal sealed class JsonLinesSink : StreamResultSink
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private JsonLinesSink(string? path, Stream? stream)
        : base(path, stream)
    {
    }

    public static JsonLinesSink ToFile(string path) => new(path, null);

    public static JsonLinesSink ToStream(Stream stream) => new(null, stream);

    protected override async Task<long> WriteToAsync(Stream stream, IReadOnlyList<ResultColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        await using var writer = new Utf8JsonWriter(buffered);
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            writer.Reset(buffered);
            writer.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                writer.WritePropertyName(columns[i].Name);
                WriteValue(writer, row[i]);
            }
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await buffered.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            count++;
        }
        await buffered.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case short s: writer.WriteNumberValue(s); break;
            case byte b: writer.WriteNumberValue(b); break;
            case uint u: writer.WriteNumberValue(u); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case BigInteger big: writer.WriteRawValue(big.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            default: writer.WriteStringValue(ValueText.Format(value)); break;
        }
    }
}
