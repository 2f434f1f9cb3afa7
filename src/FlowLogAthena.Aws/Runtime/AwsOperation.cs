namespace FlowLogAthena.Aws.Runtime;

/// <summary>An operation's name (the <c>X-Amz-Target</c> suffix) with the records it sends and receives.</summary>
public sealed record AwsOperation(string Name, Type Request, Type Response)
{
    public static AwsOperation Of<TRequest, TResponse>(string name) => new(name, typeof(TRequest), typeof(TResponse));
}
