using FlowLogAthena.Aws.Runtime;

namespace FlowLogAthena.Aws.Glue;

/// <summary><see cref="IGlueApi"/> over the JSON 1.1 protocol (<c>X-Amz-Target: AWSGlue.*</c>).</summary>
public sealed class GlueClient(AwsJsonClient client) : IGlueApi
{
    /// <summary>Every operation with its request and response record, for the model conformance test.</summary>
    public static IReadOnlyList<AwsOperation> Operations { get; } =
    [
        AwsOperation.Of<GetDatabaseRequest, GetDatabaseResponse>("GetDatabase"),
        AwsOperation.Of<CreateDatabaseRequest, CreateDatabaseResponse>("CreateDatabase"),
        AwsOperation.Of<GetTableRequest, GetTableResponse>("GetTable"),
        AwsOperation.Of<CreateTableRequest, CreateTableResponse>("CreateTable"),
        AwsOperation.Of<UpdateTableRequest, UpdateTableResponse>("UpdateTable"),
        AwsOperation.Of<BatchCreatePartitionRequest, BatchCreatePartitionResponse>("BatchCreatePartition"),
        AwsOperation.Of<BatchUpdatePartitionRequest, BatchUpdatePartitionResponse>("BatchUpdatePartition"),
        AwsOperation.Of<GetPartitionsRequest, GetPartitionsResponse>("GetPartitions"),
    ];

    public Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<GetDatabaseRequest, GetDatabaseResponse>("GetDatabase", request, cancellationToken);

    public Task<CreateDatabaseResponse> CreateDatabaseAsync(CreateDatabaseRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<CreateDatabaseRequest, CreateDatabaseResponse>("CreateDatabase", request, cancellationToken);

    public Task<GetTableResponse> GetTableAsync(GetTableRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<GetTableRequest, GetTableResponse>("GetTable", request, cancellationToken);

    public Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<CreateTableRequest, CreateTableResponse>("CreateTable", request, cancellationToken);

    public Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<UpdateTableRequest, UpdateTableResponse>("UpdateTable", request, cancellationToken);

    public Task<BatchCreatePartitionResponse> BatchCreatePartitionAsync(BatchCreatePartitionRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<BatchCreatePartitionRequest, BatchCreatePartitionResponse>("BatchCreatePartition", request, cancellationToken);

    public Task<BatchUpdatePartitionResponse> BatchUpdatePartitionAsync(BatchUpdatePartitionRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<BatchUpdatePartitionRequest, BatchUpdatePartitionResponse>("BatchUpdatePartition", request, cancellationToken);

    public Task<GetPartitionsResponse> GetPartitionsAsync(GetPartitionsRequest request, CancellationToken cancellationToken) =>
        client.SendAsync<GetPartitionsRequest, GetPartitionsResponse>("GetPartitions", request, cancellationToken);
}
