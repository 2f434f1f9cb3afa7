namespace FlowLogAthena.Aws.Glue;

/// <summary>
/// The Glue Data Catalog operations this product uses. A missing database, table or partition surfaces
/// as <see cref="Runtime.AwsNotFoundException"/>; creating one that exists as <see cref="Runtime.AwsAlreadyExistsException"/>.
/// </summary>
public interface IGlueApi
{
    Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken);

    Task<CreateDatabaseResponse> CreateDatabaseAsync(CreateDatabaseRequest request, CancellationToken cancellationToken);

    Task<GetTableResponse> GetTableAsync(GetTableRequest request, CancellationToken cancellationToken);

    Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken);

    Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken);

    Task<BatchCreatePartitionResponse> BatchCreatePartitionAsync(BatchCreatePartitionRequest request, CancellationToken cancellationToken);

    Task<BatchUpdatePartitionResponse> BatchUpdatePartitionAsync(BatchUpdatePartitionRequest request, CancellationToken cancellationToken);

    Task<GetPartitionsResponse> GetPartitionsAsync(GetPartitionsRequest request, CancellationToken cancellationToken);
}
