using FlowLogAthena.Aws.Runtime;

namespace FlowLogAthena.Aws.Glue;

/// <summary>The two catalog reads every table this tool provisions starts with: a table or nothing, and a database made when missing.</summary>
internal static class GlueCatalog
{
    /// <summary>The table, or null when Glue has no such table (or database).</summary>
    public static async Task<Table?> GetTableOrNullAsync(IGlueApi glue, string database, string table, CancellationToken cancellationToken)
    {
        try
        {
            return (await glue.GetTableAsync(new GetTableRequest { DatabaseName = database, Name = table }, cancellationToken).ConfigureAwait(false)).Table;
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Creates the database when Glue has none of that name; true when it did (another creating it meanwhile is as good).</summary>
    public static async Task<bool> EnsureDatabaseAsync(IGlueApi glue, string database, CancellationToken cancellationToken)
    {
        try
        {
            await glue.GetDatabaseAsync(new GetDatabaseRequest { Name = database }, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (AwsNotFoundException)
        {
            try
            {
                await glue.CreateDatabaseAsync(new CreateDatabaseRequest
                {
                    DatabaseInput = new DatabaseInput { Name = database, Description = "Amazon VPC Flow Logs (FlowLogAthena)" },
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (AwsAlreadyExistsException)
            {
                return false;
            }
        }
    }
}
