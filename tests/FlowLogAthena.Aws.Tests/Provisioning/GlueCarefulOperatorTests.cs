using FlowLogAthena.Aws.Glue;
using FlowLogAthena.Aws.Provisioning;
using FlowLogAthena.Core.Tables;

namespace FlowLogAthena.Aws.Tests.Provisioning;

/// <summary>Provisioning as a careful operator against moto: races with another creator, optimistic concurrency, others' properties kept.</summary>
[Collection(MotoTests.Name)]
public sealed class GlueCarefulOperatorTests(MotoServer moto)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static TableDefinition Definition(string database, string format, PartitionMode mode = PartitionMode.Projection) =>
        TableDefinition.For(new FlowLogSource("s3://flow-bucket/logs", FlowLogFormat.Parse(format), SourceLayout.DefaultLayout), new TableOptions
        {
            Database = database,
            Table = "vpc_flow_logs",
            Partitions = mode,
            StartDate = new DateOnly(2026, 11, 1),
            Accounts = ["012345678901"],
            Regions = ["us-east-1"],
        });

    [Fact]
    public async Task A_table_created_by_someone_else_after_our_look_is_read_back_and_compared_not_a_failure()
    {
        using var aws = moto.CreateClients();
        var wanted = Definition("db_" + Guid.NewGuid().ToString("N")[..10], FlowLogFormat.DefaultFormatString);
        var racing = new CreatesFirst(aws.Glue, wanted);

        var result = await new GlueProvisioner(racing).ProvisionAsync(wanted, update: false, [], None);

        Assert.False(result.TableCreated);
        Assert.Empty(result.Changes);
        Assert.Equal(2, racing.CreateCalls);
    }

    [Fact]
    public async Task An_update_names_the_version_it_read_and_keeps_properties_it_did_not_set()
    {
        using var aws = moto.CreateClients();
        var database = "db_" + Guid.NewGuid().ToString("N")[..10];
        var provisioner = new GlueProvisioner(aws.Glue);
        await provisioner.ProvisionAsync(Definition(database, FlowLogFormat.DefaultFormatString), update: false, [], None);
        await Boto3.RunAsync(moto, $$"""
            g = client('glue')
            t = g.get_table(DatabaseName='{{database}}', Name='vpc_flow_logs')['Table']
            params = dict(t['Parameters'], owner_team='network')
            g.update_table(DatabaseName='{{database}}', TableInput={'Name': t['Name'], 'StorageDescriptor': t['StorageDescriptor'], 'PartitionKeys': t['PartitionKeys'], 'TableType': t['TableType'], 'Parameters': params})
            out(True)
            """);
        var recording = new RecordingUpdates(aws.Glue);
        var current = (await aws.Glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = "vpc_flow_logs" }, None)).Table!;

        var result = await new GlueProvisioner(recording).ProvisionAsync(Definition(database, FlowLogFormat.DefaultFormatString + " ${vpc-id}"), update: true, [], None);

        Assert.True(result.TableUpdated);
        Assert.Equal(current.VersionId, Assert.Single(recording.Updates).VersionId);
        var table = await Boto3.RunAsync(moto, $"out(client('glue').get_table(DatabaseName='{database}', Name='vpc_flow_logs')['Table']['Parameters'])");
        Assert.Equal("network", table.GetProperty("owner_team").GetString());
    }

    [Fact]
    public async Task After_an_update_explicit_partitions_are_brought_to_the_new_definition()
    {
        using var aws = moto.CreateClients();
        var database = "db_" + Guid.NewGuid().ToString("N")[..10];
        var scheme = PartitionScheme.For(new FlowLogSource("s3://flow-bucket/logs", FlowLogFormat.Default, SourceLayout.DefaultLayout));
        var partitions = Enumerable.Range(0, 120)
            .Select(d => scheme.Partition("012345678901", "us-east-1", new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(d)))
            .ToArray();
        var provisioner = new GlueProvisioner(aws.Glue);
        await provisioner.ProvisionAsync(Definition(database, FlowLogFormat.DefaultFormatString, PartitionMode.Explicit), update: false, partitions, None);

        var result = await provisioner.ProvisionAsync(Definition(database, FlowLogFormat.DefaultFormatString + " ${vpc-id}", PartitionMode.Explicit), update: true, partitions, None);

        Assert.True(result.TableUpdated);
        Assert.Equal((0, 120, 120), (result.PartitionsCreated, result.PartitionsAlreadyPresent, result.PartitionsUpdated));
        var columns = await Boto3.RunAsync(moto, $$"""
            pages = client('glue').get_paginator('get_partitions').paginate(DatabaseName='{{database}}', TableName='vpc_flow_logs')
            out(sorted({p['StorageDescriptor']['Columns'][-1]['Name'] for page in pages for p in page['Partitions']}))
            """);
        Assert.Equal(["vpc_id"], columns.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_partition_glue_refuses_for_a_transient_reason_is_sent_again()
    {
        using var aws = moto.CreateClients();
        var database = "db_" + Guid.NewGuid().ToString("N")[..10];
        var partitions = ThreeDays();
        var flaky = new RefusesOncePerPartition(aws.Glue);

        var result = await new GlueProvisioner(flaky).ProvisionAsync(Definition(database, FlowLogFormat.DefaultFormatString, PartitionMode.Explicit), update: false, partitions, None);

        Assert.Equal(3, result.PartitionsCreated);
        Assert.Equal([3, 1], flaky.BatchSizes);
    }

    [Theory]
    [InlineData(1, new[] { 3 })]
    [InlineData(4, new[] { 3, 1, 1, 1 })]
    public async Task Resending_refused_partitions_follows_the_configured_attempts(int maxAttempts, int[] batchSizes)
    {
        using var aws = moto.CreateClients();
        var database = "db_" + Guid.NewGuid().ToString("N")[..10];
        var partitions = ThreeDays();
        var flaky = new RefusesOncePerPartition(aws.Glue, always: true);
        var retry = AwsRetryPolicy.For(RetryMode.Standard, maxAttempts) with { BaseDelay = TimeSpan.FromMilliseconds(1) };

        var error = await Assert.ThrowsAsync<PartitionRegistrationException>(() => new GlueProvisioner(flaky, retry)
            .ProvisionAsync(Definition(database, FlowLogFormat.DefaultFormatString, PartitionMode.Explicit), update: false, partitions, None));

        Assert.Equal(batchSizes, flaky.BatchSizes);
        Assert.Contains("InternalServiceException", error.Message);
    }

    /// <summary>Three daily partitions of one account and region.</summary>
    private static TablePartition[] ThreeDays()
    {
        var scheme = PartitionScheme.For(new FlowLogSource("s3://flow-bucket/logs", FlowLogFormat.Default, SourceLayout.DefaultLayout));
        return Enumerable.Range(0, 3)
            .Select(d => scheme.Partition("012345678901", "us-east-1", new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(d)))
            .ToArray();
    }

    /// <summary>Glue's batch answer refuses the first partition of the first call (of every call when <paramref name="always"/>) with InternalServiceException.</summary>
    private sealed class RefusesOncePerPartition(IGlueApi inner, bool always = false) : ForwardingGlue(inner)
    {
        public List<int> BatchSizes { get; } = [];

        public override async Task<BatchCreatePartitionResponse> BatchCreatePartitionAsync(BatchCreatePartitionRequest request, CancellationToken cancellationToken)
        {
            BatchSizes.Add(request.PartitionInputList.Count);
            if (BatchSizes.Count > 1 && !always) return await Inner.BatchCreatePartitionAsync(request, cancellationToken);
            var refused = request.PartitionInputList[0];
            var passed = await Inner.BatchCreatePartitionAsync(request with { PartitionInputList = request.PartitionInputList.Skip(1).ToArray() }, cancellationToken);
            return passed with
            {
                Errors = [.. passed.Errors ?? [], new PartitionError { PartitionValues = refused.Values, ErrorDetail = new ErrorDetail { ErrorCode = "InternalServiceException", ErrorMessage = "try again" } }],
            };
        }
    }

    /// <summary>Another operator's CreateTable lands just before ours.</summary>
    private sealed class CreatesFirst(IGlueApi inner, TableDefinition table) : ForwardingGlue(inner)
    {
        public int CreateCalls { get; private set; }

        public override async Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken)
        {
            CreateCalls++;
            await Inner.CreateTableAsync(new CreateTableRequest { DatabaseName = table.Database, TableInput = GlueTableMapping.ToTableInput(table) }, cancellationToken);
            CreateCalls++;
            return await Inner.CreateTableAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingUpdates(IGlueApi inner) : ForwardingGlue(inner)
    {
        public List<UpdateTableRequest> Updates { get; } = [];

        public override Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken)
        {
            Updates.Add(request);
            return Inner.UpdateTableAsync(request, cancellationToken);
        }
    }

    private abstract class ForwardingGlue(IGlueApi inner) : IGlueApi
    {
        protected IGlueApi Inner => inner;

        public Task<GetDatabaseResponse> GetDatabaseAsync(GetDatabaseRequest request, CancellationToken cancellationToken) => inner.GetDatabaseAsync(request, cancellationToken);

        public Task<CreateDatabaseResponse> CreateDatabaseAsync(CreateDatabaseRequest request, CancellationToken cancellationToken) => inner.CreateDatabaseAsync(request, cancellationToken);

        public Task<GetTableResponse> GetTableAsync(GetTableRequest request, CancellationToken cancellationToken) => inner.GetTableAsync(request, cancellationToken);

        public virtual Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken) => inner.CreateTableAsync(request, cancellationToken);

        public virtual Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken) => inner.UpdateTableAsync(request, cancellationToken);

        public virtual Task<BatchCreatePartitionResponse> BatchCreatePartitionAsync(BatchCreatePartitionRequest request, CancellationToken cancellationToken) => inner.BatchCreatePartitionAsync(request, cancellationToken);

        public Task<BatchUpdatePartitionResponse> BatchUpdatePartitionAsync(BatchUpdatePartitionRequest request, CancellationToken cancellationToken) => inner.BatchUpdatePartitionAsync(request, cancellationToken);

        public Task<GetPartitionsResponse> GetPartitionsAsync(GetPartitionsRequest request, CancellationToken cancellationToken) => inner.GetPartitionsAsync(request, cancellationToken);
    }
}
