using System.Text;

namespace FlowLogAthena.Aws.Athena.Results;

/// <summary>
/// Reads RFC 4180 CSV records incrementally from a stream: quoted fields with doubled quotes, commas and
/// line breaks inside quotes, CRLF or LF endings, no trailing empty record. Athena writes SQL NULL as an
/// empty unquoted field and the empty string as <c>""</c>: the first reads as null, the second as "".
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _lastWidth = 8;

    public CsvRecordReader(Stream stream) => _reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);

    /// <summary>Records read so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>The next record's fields, or null at the end of the stream.</summary>
    public async ValueTask<string?[]?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        if (!await HasDataAsync(cancellationToken).ConfigureAwait(false))
            return null;

        var fields = new List<string?>(_lastWidth);
        while (true)
        {
            if (!await HasDataAsync(cancellationToken).ConfigureAwait(false))
            {
                fields.Add(null); // a trailing comma before the end of the stream
                break;
            }

            fields.Add(_buffer[_position] == '"'
                ? await ReadQuotedAsync(cancellationToken).ConfigureAwait(false)
                : await ReadPlainAsync(cancellationToken).ConfigureAwait(false));

            if (!await HasDataAsync(cancellationToken).ConfigureAwait(false))
                break;
            var next = _buffer[_position++];
            if (next == ',')
                continue;
            if (next == '\r' && await HasDataAsync(cancellationToken).ConfigureAwait(false) && _buffer[_position] == '\n')
                _position++;
            if (next is '\r' or '\n')
                break;
            throw new InvalidDataException($"CSV record {RecordCount + 1}: '{next}' after a closing quote (expected a comma or a line break).");
        }

        RecordCount++;
        _lastWidth = fields.Count;
        return [.. fields];
    }

    private async ValueTask<string?> ReadPlainAsync(CancellationToken cancellationToken)
    {
        _field.Clear();
        while (true)
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(',', '\r', '\n');
            if (stop >= 0)
            {
                _position += stop;
                if (_field.Length == 0)
                    return stop == 0 ? null : new string(span[..stop]);
                _field.Append(span[..stop]);
                return _field.ToString();
            }
            _field.Append(span);
            _position = _length;
            if (!await HasDataAsync(cancellationToken).ConfigureAwait(false))
                return _field.Length == 0 ? null : _field.ToString();
        }
    }

    private async ValueTask<string> ReadQuotedAsync(CancellationToken cancellationToken)
    {
        _field.Clear();
        _position++; // opening quote
        while (true)
        {
            if (!await HasDataAsync(cancellationToken).ConfigureAwait(false))
                throw new InvalidDataException($"CSV record {RecordCount + 1}: a quoted field is not closed before the end of the data.");
            var span = _buffer.AsSpan(_position, _length - _position);
            var quote = span.IndexOf('"');
            if (quote < 0)
            {
                _field.Append(span);
                _position = _length;
                continue;
            }
            _field.Append(span[..quote]);
            _position += quote + 1;
            if (await HasDataAsync(cancellationToken).ConfigureAwait(false) && _buffer[_position] == '"')
            {
                _field.Append('"'); // a doubled quote is one quote character
                _position++;
                continue;
            }
            return _field.ToString();
        }
    }

    private ValueTask<bool> HasDataAsync(CancellationToken cancellationToken) =>
        _position < _length ? ValueTask.FromResult(true) : FillAsync(cancellationToken);

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        _position = 0;
        return _length > 0;
    }

    public void Dispose() => _reader.Dispose();
}
