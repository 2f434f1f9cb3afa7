namespace FlowLogAthena.Core.Sinks;

/// <summary>
/// How a result is written to a file or object: its name (as manifests record it), file extension, content type
/// and sink. The one place that knows CSV from JSON lines.
/// </summary>
public sealed class ResultFormat
{
    /// <summary>RFC 4180 CSV.</summary>
    public static readonly ResultFormat Csv = new("csv", ".csv", "text/csv", CsvSink.ToFile, CsvSink.ToStream);

    /// <summary>JSON lines, one object per row (written as <c>.jsonl</c>; a <c>.json</c> name is accepted too).</summary>
    public static readonly ResultFormat JsonLines = new("jsonl", ".jsonl", "application/x-ndjson", JsonLinesSink.ToFile, JsonLinesSink.ToStream);

    private readonly Func<string, IResultSink> _toFile;
    private readonly Func<Stream, IResultSink> _toStream;

    private ResultFormat(string name, string extension, string contentType, Func<string, IResultSink> toFile, Func<Stream, IResultSink> toStream)
    {
        Name = name;
        Extension = extension;
        ContentType = contentType;
        _toFile = toFile;
        _toStream = toStream;
    }

    public static IReadOnlyList<ResultFormat> All { get; } = [Csv, JsonLines];

    /// <summary>As a manifest records it: <c>csv</c> or <c>jsonl</c>.</summary>
    public string Name { get; }

    /// <summary>The extension a file of this format gets, with its dot.</summary>
    public string Extension { get; }

    /// <summary>The Content-Type an S3 object of this format is stored with.</summary>
    public string ContentType { get; }

    public IResultSink ToFile(string path) => _toFile(path);

    public IResultSink ToStream(Stream stream) => _toStream(stream);

    /// <summary>The format a file name's extension asks for (<c>.csv</c>, <c>.json</c>, <c>.jsonl</c>, any case), or null.</summary>
    public static ResultFormat? FromFileName(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".csv" => Csv,
        ".json" or ".jsonl" => JsonLines,
        _ => null,
    };

    public override string ToString() => Name;
}
