using Spectre.Console;

namespace FlowLogAthena.Cli.Console;

/// <summary>
/// The CLI's two output channels: results on stdout, everything for humans (progress, summaries,
/// errors) on stderr, so `run … --output csv > file` stays clean.
/// </summary>
public sealed class Terminal
{
    public Terminal(Stream stdout, TextWriter error, bool interactive)
    {
        OutputStream = stdout;
        var output = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), 1 << 12, leaveOpen: true) { AutoFlush = true };
        Output = output;
        Error = error;
        Interactive = interactive;
        Out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
            Ansi = interactive && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        });
        // Redirected output is read by tools and people with wide screens: do not wrap tables at 80 columns.
        if (System.Console.IsOutputRedirected || !interactive) Out.Profile.Width = 200;
        Err = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        });
        // Notes in logs must stay whole lines for grep.
        if (!interactive) Err.Profile.Width = 1000;
    }

    /// <summary>Raw stdout, for result sinks that write bytes (CSV, JSON lines).</summary>
    public Stream OutputStream { get; }

    /// <summary>Text stdout (auto-flushed, so it interleaves correctly with <see cref="OutputStream"/>).</summary>
    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when stderr is a terminal a person watches (spinners and live progress make sense).</summary>
    public bool Interactive { get; }

    /// <summary>Where tables and results are drawn.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Where progress, notes and errors go.</summary>
    public IAnsiConsole Err { get; }

    public static Terminal FromProcess() => new(
        System.Console.OpenStandardOutput(),
        System.Console.Error,
        !System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    public void Note(string markup) => Err.MarkupLine(markup);

    /// <summary>An error line, unwrapped so scripts and logs keep it whole.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");

    /// <summary>Runs long work with a spinner on a terminal, or a plain start line otherwise.</summary>
    public async Task<T> StatusAsync<T>(string what, Func<Task<T>> work)
    {
        if (!Interactive)
            return await work().ConfigureAwait(false);
        return await Err.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(what), _ => work()).ConfigureAwait(false);
    }
}
