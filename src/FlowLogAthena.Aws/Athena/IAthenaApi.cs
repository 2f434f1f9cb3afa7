namespace FlowLogAthena.Aws.Athena;

/// <summary>
/// The Athena operations this product uses. Small on purpose: the JSON client implements it today; an
/// adapter over AWSSDK.Athena could replace it in one file.
/// </summary>
public interface IAthenaApi
{
    Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken);

    Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken);

    Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken);

    Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken);

    Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken);
}
