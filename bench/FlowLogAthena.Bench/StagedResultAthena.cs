using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogAthena.Aws.Athena;
using FlowLogAthena.Aws.S3;

namespace FlowLogAthena.Bench;

/// <summary>
/// Plays Athena's part of writing the result object (moto runs no SQL): when an execution first reports
/// SUCCEEDED, the staged CSV is copied server-side to the execution's own output location
/// (<c>&lt;output&gt;/&lt;execution-id&gt;.csv</c>). The clock is paused meanwhile, so it times only what
/// the engine does; the copy goes through a client whose requests are not counted.
/// </summary>
internal sealed class StagedResultAthena(IAthenaApi inner, IAmazonS3 staging, string stagedKey, Stopwatch clock) : IAthenaApi
{
    private readonly HashSet<string> _staged = [];

    public async Task<GetQueryExecutionResponse> GetQueryExecutionAsync(GetQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        var response = await inner.GetQueryExecutionAsync(request, cancellationToken);
        if (response.QueryExecution is { Status.State: QueryStates.Succeeded, ResultConfiguration.OutputLocation: { } location }
            && _staged.Add(request.QueryExecutionId))
        {
            var target = S3Uri.Parse(location);
            clock.Stop();
            try
            {
                await staging.CopyObjectAsync(
                    new CopyObjectRequest { SourceBucket = Moto.Bucket, SourceKey = stagedKey, DestinationBucket = target.Bucket, DestinationKey = target.Key },
                    cancellationToken);
            }
            finally
            {
                clock.Start();
            }
        }
        return response;
    }

    public Task<StartQueryExecutionResponse> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken) =>
        inner.StartQueryExecutionAsync(request, cancellationToken);

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken) =>
        inner.GetQueryResultsAsync(request, cancellationToken);

    public Task<StopQueryExecutionResponse> StopQueryExecutionAsync(StopQueryExecutionRequest request, CancellationToken cancellationToken) =>
        inner.StopQueryExecutionAsync(request, cancellationToken);

    public Task<GetWorkGroupResponse> GetWorkGroupAsync(GetWorkGroupRequest request, CancellationToken cancellationToken) =>
        inner.GetWorkGroupAsync(request, cancellationToken);
}
