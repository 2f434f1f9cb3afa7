using System.Globalization;
using System.Reflection;

namespace FlowLogAthena.Core.Tests.Formats;

public sealed class FieldCodesTests
{
    public static TheoryData<Type, string> CodedFields => new()
    {
        { typeof(FieldCodes.Protocol), "protocol" },
        { typeof(FieldCodes.Action), "action" },
        { typeof(FieldCodes.LogStatus), "log-status" },
        { typeof(FieldCodes.TcpFlags), "tcp-flags" },
        { typeof(FieldCodes.TrafficType), "type" },
        { typeof(FieldCodes.SublocationType), "sublocation-type" },
        { typeof(FieldCodes.FlowDirection), "flow-direction" },
        { typeof(FieldCodes.TrafficPath), "traffic-path" },
        { typeof(FieldCodes.RejectReason), "reject-reason" },
        { typeof(FieldCodes.EncryptionStatus), "encryption-status" },
        { typeof(FieldCodes.ResourceType), "resource-type" },
    };

    [Theory]
    [MemberData(nameof(CodedFields))]
    public void Each_field_names_exactly_the_codes_the_catalog_labels(Type codes, string field)
    {
        var named = codes.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => Convert.ToString(f.GetRawConstantValue(), CultureInfo.InvariantCulture)!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(FieldCatalog.Get(field).CodedValues.Keys.Order(StringComparer.Ordinal), named);
    }

    [Fact]
    public void Every_field_with_coded_values_has_its_names()
    {
        var named = CodedFields.Select(row => (string)row[1]).Order(StringComparer.Ordinal);

        Assert.Equal(FieldCatalog.All.Where(f => f.CodedValues.Count > 0).Select(f => f.Name).Order(StringComparer.Ordinal), named);
        Assert.Equal(typeof(FieldCodes).GetNestedTypes().Length, named.Count());
    }
}
