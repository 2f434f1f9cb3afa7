using System.CommandLine;
using FlowLogAthena.Aws.Runtime;
using FlowLogAthena.Cli.Console;

namespace FlowLogAthena.Cli.Commands;

/// <summary>AWS clients created on first use, so commands that stay local never need AWS settings.</summary>
public sealed class LazyAwsClients(ParseResult parse, Terminal terminal) : IDisposable
{
    private AwsClients? _clients;

    public AwsClients Value => _clients ??= AwsOptions.CreateClients(parse, terminal);

    public void Dispose() => _clients?.Dispose();
}
