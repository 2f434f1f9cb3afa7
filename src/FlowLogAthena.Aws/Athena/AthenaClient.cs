using FlowLogAthena.Aws.Runtime;

namespace FlowLogAthena.Aws.Athena;

/// <summary><see cref="IAthenaApi"/> over the JSON 1.1 protocol (<c>X-Amz-Target: AmazonAthena.*</c>).</summary>
public sealed class AthenaClient(AwsJsonClient client) : IAthenaApi
{
    /// <summary>Every operation with its request and response record, for the model conformance test.</summary>
    public static IReadOnlyList<AwsOperation> Operations { get; } =
    [
        AwsOperation.Of<StartQueryExecutionRequest, StartQueryExecutionResponse>("StartQueryExecution"),
        AwsOperation.Of<GetQueryExecutionRequest, GetQueryExecutionResponse>("GetQueryExecution"),
        AwsOperation.Of<GetQueryResultsRequest, GetQueryResultsResponse>("GetQueryResults"),
        AwsOperation.Of<StopQueryExecutionRequest, StopQueryExecutionResponse>("StopQueryExecution"),
        AwsOperation.Of<GetWorkGroupRequest, GetWorkGroupResponse>("GetWorkGroup"),
    ];

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<StartQueryExecutionRequest, StartQueryExecutionResponse>("StartQueryExecution", request, cancellationToken);

    public Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<GetQueryExecutionRequest, GetQueryExecutionResponse>("GetQueryExecution", request, cancellationToken);

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<GetQueryResultsRequest, GetQueryResultsResponse>("GetQueryResults", request, cancellationToken);

    public Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<StopQueryExecutionRequest, StopQueryExecutionResponse>("StopQueryExecution", request, cancellationToken);

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<GetWorkGroupRequest, GetWorkGroupResponse>("GetWorkGroup", request, cancellationToken);
}
