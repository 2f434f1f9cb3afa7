using System.Collections;
using System.Reflection;
using System.Text.Json;
using FlowLogAthena.Aws.Glue;

namespace FlowLogAthena.Aws.Tests.Runtime;

/// <summary>
/// Every member our request and response records serialise exists in the official model shape, at the
/// same nesting and with a matching JSON kind; the shapes' required members are all present. A record
/// filled with a value in every property is serialised and walked against the shape, so a typo fails.
/// </summary>
public sealed class ServiceModelConformanceTests
{
    public static TheoryData<string, string, string> Operations()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var op in AthenaClient.Operations) data.Add("athena", "2017-05-18", op.Name);
        foreach (var op in GlueClient.Operations) data.Add("glue", "2017-03-31", op.Name);
        return data;
    }

    private static readonly Dictionary<string, JsonElement> Models = new();

    private static JsonElement Model(string service, string version)
    {
        lock (Models)
        {
            if (!Models.TryGetValue(service, out var model))
                Models[service] = model = BotocoreModels.Load(service, version);
            return model;
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Records_match_the_official_model(string service, string version, string operationName)
    {
        var model = Model(service, version);
        var operation = (service == "athena" ? AthenaClient.Operations : GlueClient.Operations).Single(o => o.Name == operationName);
        Assert.True(model.GetProperty("operations").TryGetProperty(operationName, out var definition), $"{service} has no operation {operationName}");
        Assert.Equal("json", model.GetProperty("metadata").GetProperty("protocol").GetString());
        Assert.Equal(service == "athena" ? "AmazonAthena" : "AWSGlue", model.GetProperty("metadata").GetProperty("targetPrefix").GetString());

        var shapes = model.GetProperty("shapes");
        Check(shapes, definition.GetProperty("input").GetProperty("shape").GetString()!, operation.Request);
        Check(shapes, definition.GetProperty("output").GetProperty("shape").GetString()!, operation.Response);
    }

    [Fact]
    public void A_misspelt_member_is_caught()
    {
        var shapes = Model("athena", "2017-05-18").GetProperty("shapes");
        var error = Assert.ThrowsAny<Exception>(() => Check(shapes, "GetQueryExecutionInput", typeof(Misspelt)));
        Assert.Contains("QueryExecutionID", error.Message);
    }

    private sealed record Misspelt
    {
        public required string QueryExecutionID { get; init; }
    }

    private static void Check(JsonElement shapes, string shapeName, Type record)
    {
        var json = JsonSerializer.SerializeToElement(Fill(record, 0), record, AwsJson.Options);
        Walk(shapes, shapeName, json, record.Name);
        // And it reads back to the same JSON: nothing is lost on the way in.
        var again = JsonSerializer.SerializeToElement(JsonSerializer.Deserialize(json, record, AwsJson.Options), record, AwsJson.Options);
        Assert.Equal(json.GetRawText(), again.GetRawText());
    }

    private static void Walk(JsonElement shapes, string shapeName, JsonElement value, string path)
    {
        var shape = shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                Assert.True(value.ValueKind == JsonValueKind.Object, $"{path}: expected an object for {shapeName}");
                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    Assert.True(members.TryGetProperty(property.Name, out var member), $"{path}.{property.Name}: not a member of {shapeName}");
                    Walk(shapes, member.GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}");
                }
                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                        Assert.True(value.TryGetProperty(name, out _), $"{path}: required member {shapeName}.{name} is missing from the record");
                }
                break;
            case "list":
                Assert.Equal(JsonValueKind.Array, value.ValueKind);
                foreach (var item in value.EnumerateArray())
                    Walk(shapes, shape.GetProperty("member").GetProperty("shape").GetString()!, item, path + "[]");
                break;
            case "map":
                Assert.Equal(JsonValueKind.Object, value.ValueKind);
                foreach (var entry in value.EnumerateObject())
                    Walk(shapes, shape.GetProperty("value").GetProperty("shape").GetString()!, entry.Value, $"{path}{{{entry.Name}}}");
                break;
            case "string":
                Assert.True(value.ValueKind == JsonValueKind.String, $"{path}: {shapeName} is a string");
                break;
            case "boolean":
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{path}: {shapeName} is a boolean");
                break;
            case "integer" or "long":
                Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _), $"{path}: {shapeName} is an integer");
                break;
            case "double" or "float" or "timestamp":
                Assert.True(value.ValueKind == JsonValueKind.Number, $"{path}: {shapeName} is a number");
                break;
            default:
                Assert.Fail($"{path}: shape type {type} of {shapeName} is not handled by the records");
                break;
        }
    }

    /// <summary>An instance with every property set (lists and maps with one entry), recursively.</summary>
    private static object? Fill(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "text";
        if (type == typeof(int)) return 7;
        if (type == typeof(long)) return 7L;
        if (type == typeof(double)) return 1.5;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]))!;
            list.Add(Fill(type.GetGenericArguments()[0], depth + 1));
            return list;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            return new Dictionary<string, string> { ["key"] = "value" };
        Assert.True(depth < 10, $"{type} nests too deeply");
        var instance = Activator.CreateInstance(type, nonPublic: true)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "EqualityContract"))
            property.SetValue(instance, Fill(property.PropertyType, depth + 1));
        return instance;
    }
}
