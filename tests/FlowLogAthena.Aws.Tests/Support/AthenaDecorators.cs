using Amazon.S3;
using Amazon.S3.Model;

namespace FlowLogAthena.Aws.Tests.Support;

/// <summary>
/// Stands in for Athena writing its result object (moto runs no SQL): when a real execution first reports
/// SUCCEEDED, the given CSV is put at the execution's output location in moto's S3. Also records requests.
/// </summary>
public sealed class ResultWritingAthena(IAthenaApi inner, IAmazonS3 s3, string? csv) : IAthenaApi
{
    private readonly HashSet<string> _written = [];

    public List<StartQueryExecutionRequest> Starts { get; } = [];

    public List<GetQueryResultsRequest> ResultCalls { get; } = [];

    public int Stops { get; private set; }

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        Starts.Add(request);
        return inner.StartQueryExecutionAsync(request, cancellationToken);
    }

    public async Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        var response = await inner.GetQueryExecutionAsync(request, cancellationToken);
        var execution = response.QueryExecution!;
        if (csv is not null && execution.Status?.State == QueryStates.Succeeded && _written.Add(request.QueryExecutionId))
        {
            var location = execution.ResultConfiguration!.OutputLocation!["s3://".Length..];
            var slash = location.IndexOf('/');
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = location[..slash], Key = location[(slash + 1)..], ContentBody = csv }, cancellationToken);
        }
        return response;
    }

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken)
    {
        ResultCalls.Add(request);
        return inner.GetQueryResultsAsync(request, cancellationToken);
    }

    public Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        Stops++;
        return inner.StopQueryExecutionAsync(request, cancellationToken);
    }

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken) =>
        inner.GetWorkGroupAsync(request, cancellationToken);
}

/// <summary>
/// A scripted Athena for what moto cannot do (a FAILED execution, paged results): answers from the given
/// executions and pages, and records calls.
/// </summary>
public sealed class ScriptedAthena : IAthenaApi
{
    public Queue<QueryExecution> Executions { get; } = new();

    public Dictionary<string, GetQueryResultsResponse> Pages { get; } = new();

    public List<string> Calls { get; } = [];

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        Calls.Add("StartQueryExecution");
        return Task.FromResult(new StartQueryExecutionResponse { QueryExecutionId = "q-scripted" });
    }

    public Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        Calls.Add("GetQueryExecution");
        var execution = Executions.Count > 1 ? Executions.Dequeue() : Executions.Peek();
        return Task.FromResult(new GetQueryExecutionResponse { QueryExecution = execution });
    }

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken)
    {
        Calls.Add($"GetQueryResults({request.NextToken ?? "first"},{request.MaxResults})");
        return Task.FromResult(Pages[request.NextToken ?? ""]);
    }

    public Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        Calls.Add("StopQueryExecution");
        return Task.FromResult(new StopQueryExecutionResponse());
    }

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
