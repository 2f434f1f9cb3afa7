using System.Security.Cryptography;
using System.Text;
using FlowLogAthena.Core.Queries.Parameters;

namespace FlowLogAthena.Core.Tests.Queries;

/// <summary>
/// Golden renderings: the exact SQL every catalog query renders to, pinned as one SHA-256 per query over its variants
/// (both dialects; the default v2 format, the v5 test format, every field, every field but one optional field, every field
/// but all the optional ones; default and other parameter values; hourly partitions and a ragged window on Athena). A refactor of the templates (helpers, partials)
/// must keep every digest. A deliberate change to a query updates its line. Set <c>FLOWLOG_RENDER_DUMP</c> to a folder
/// to write each query's renderings there, to diff before and after a change.
/// </summary>
public sealed class CatalogRenderingGoldenTests
{
    private static readonly (string Name, FlowLogFormat Format)[] CommonFormats =
    [
        ("v2", FlowLogFormat.Default),
        ("v5", RepoQueries.FormatWithV5),
        ("all", FlowLogFormat.AllVpcFields),
    ];

    private static readonly TimeWindow RaggedWindow = TimeWindow.Parse("2026-11-02T05:30:00Z", "2026-11-04T17:15:00Z");

    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["accepted-traffic"] = "d5dc2402591017668d5bc26d75da3b275c9b5f136218c43a256e33a025be78fc",
        ["admin-access-from-internet"] = "577d2c80a7f5fd5401845b0f7c2bf87bfcc8ae04a3e23bb6584a2cdd18a7e58b",
        ["admin-ports"] = "ccfc2d020f2164ed53fd35eb3c3479da5bfd4721124390be112ef0d5b253a5de",
        ["asymmetric-routes"] = "fbafbe03c4043398e827be0b0fb92eed6dd880eb8a7ccefa23ed66d1f09e161e",
        ["aws-destinations"] = "a7a03b7e925db6109f91491b3cfe91afa68235562618c23ee8e1dfea244c6331",
        ["attachment-traffic"] = "1cee605f5cbe97b955e279944655bb43d0263beac191389e4988e0a34dfb38f8",
        ["aws-service-traffic"] = "0854e23316911e78ce0f7ea11477bd94ce7092f1f455add15ce144154bdcf079",
        ["capacity-peaks"] = "27a2894826fb996ff1a2144e8c620d38541f395ff2241a40f244d47838fea2e6",
        ["conversation"] = "2c78c61105daf0d8b2d12b5b83cd0dedbec7eb403b04fcc8353872eb12de11ea",
        ["cross-account"] = "97abb35f6201f7cf15a3065043d3c09f12e322c1d14d1b3ac5a1f2635cd1570f",
        ["cross-az"] = "2c28e3cafafa911ce0c0ec644db87c2fb0925d746b8fdc4ffa8dbe836fd09f8d",
        ["cross-az-cost"] = "226385b19dab0e99d737c08bcd8c3e43a521d85d2fdac7227bfde2b93f707f4c",
        ["egress-cost"] = "3b2632c36527e187dac85ea1650e11d63da6afc6d22974f7d3436ac87fd2acf0",
        ["egress-outside-allow-list"] = "0d83ee4be56bb8ac843eda25aab61e59d4a1d8305323f9620a0b0d264868c744",
        ["gateway-endpoint-bypass"] = "308f075a288debcc0dcef526a6f69ea1db9279cd84e1b0da6620a5ac6592433e",
        ["hourly-traffic"] = "f5df72b48d048d5bafea71a87883fdd449180c37f7de567ef4476e4c4a271bf3",
        ["insecure-protocols-accepted"] = "1be910f6ab9ad8279d9ef5547abd91a22dc8381ab16c6861db9ee029898931e9",
        ["ip-version-totals"] = "5efddd01b2823aec6f007c6b7e6bb46616392754ad6c47b0a996231425567bc7",
        ["log-status-health"] = "165b7c05869dbc96e68c86e0fe4a7a2a53685d2b969a7f2a736b62e55f733c59",
        ["nacl-asymmetry"] = "034c3c76c574dc7c9056c824edeac867eff80160f816217992e8e32afffe6571",
        ["nat-gateway-cost"] = "350a799b414907650b0e12d584950428d235e48b4e6db02676286a5d72fc3585",
        ["next-hop-types"] = "d3a95992258636f93f449e672bdb04d392b154d3ab6ba4024b3617987ea85e13",
        ["one-way-flows"] = "eb28349d7395afa51a1128450dfb04d355954705f5f26ee28d8caca94df8d3fc",
        ["packets-lost"] = "460d7f83b4cdf40a508077bc31407979d5e8478c29706842ee43556cbecb9c72",
        ["port-scans"] = "ddc43d8ea85d4a440dde7907fa62ff19290a2a958b863968f069989d57477c59",
        ["processing-cost"] = "076cbec8125cd43db5f5ec648fd9c3ceb7dd8ae252f1cb16ba5323f8dc50e00c",
        ["protocol-mix"] = "bbe81d61cd5076e0aa70f239a54abe4a7976684b88823651066b96930fc343b9",
        ["reject-reasons"] = "64fe885e178fef6fc0ea7e4e6648c6d101f269a24bf709092681f877cb94f5ad",
        ["rejected-by-destination"] = "38ffb3dd0409d4eb10f56a147fde136fce368bfb2c62bcd4fffbd389f9293dd7",
        ["rejected-by-port"] = "1b7570ee290deaf6391397198ae0b8db934b007c107effa932a5dc743b2dfba8",
        ["rejected-by-source"] = "47a3fdff2322927eba61336a14b14d3dd05809583c8a58167793d48c1773db69",
        ["rejected-by-vpc-controls"] = "7042f50822a26f783d950f048165204aa0787a5944c4bd8edb7764793a6b84f5",
        ["rejected-tcp"] = "1cc09b9a33004eb431c21dcac09cc9c4bd80875eaa288b280ccfb8162e19f3de",
        ["rejected-traffic"] = "cd89d933d471d37540e1e61b32df8cc307ad2985d93d331b53c0996acb27b11a",
        ["rejects-per-day"] = "98cf8de32867598a0f0395e1a7ead8f547fce028d00d0747ab7aa2614eb32dfe",
        ["sensitive-ports-from-internet"] = "05e2327be246e15ad5ea1d0a0a7f811570f66e318630d00b1c09d45d0cc82a61",
        ["silent-interfaces"] = "a7c5c8d2d6efe7adc8185aa6fc1730bb56594b7589fdb18463fbe1a71aefdb43",
        ["top-destinations"] = "5f8ba85742008b8d39f32e496ec581912a0819e004551f378e6a5cabdff20a3a",
        ["top-instances"] = "2b73eb04cb0636e71ed00b00969eeeee64b31a734f5444d779d3364a21f1b6c6",
        ["top-interfaces"] = "dd193c18d7209e91fdc6d2235520dd6a206e1ab51bedf91d9db7040e33dcea8d",
        ["top-sources"] = "36cb914e79c1e0c8dfdce512dc9598e026f5e1179b8b9706d2a48b8064fc8602",
        ["top-sources-packet-level"] = "992d644ad6429de104be11896697f3036ec5b9d1495c2082109001efaae9d848",
        ["top-subnets"] = "7731da04164f77e43c95bb7f009f5f5194351e6b2437673f19bbd8817b14fd94",
        ["top-talkers"] = "862c6f286568c55ad5032f4783349af5ef50d35f2653ed61f34893e080d12fc5",
        ["top-talkers-packet-level"] = "ae6cef91c70e3cfb1088032f24c2e06a9f449ff6a778d0178b4d7a0856f7dc26",
        ["top-vpcs"] = "1ce5a81864c7d607233176808924972b5b2a15dc4fc4f6da51821574c7739f65",
        ["traffic-by-owner"] = "6e59c14327576fe0392e68ed587218a37aabdecfaad2db6e78f8e959a2503b34",
        ["traffic-from-address"] = "dae84e3a43c69032fcc571b58168558738d0155427c52abe17df20e6b6a7a777",
        ["traffic-path"] = "9dc3196a5535067f6cb3bda1776ecc9cd5def61be5c6a54241367a364068a5e3",
        ["traffic-to-address"] = "4a2f9ecfe1749e4c7aad92d80cf5218511a26980ef8202c916e45655540c493b",
        ["traffic-to-forbidden-networks"] = "590b4dc1d25c17ec8670561fe3875343647dbff9829659dd723957ff20e0aec3",
        ["unencrypted-sensitive-flows"] = "11b342514706477de8b41332d7f8992e900e29173a114c882ee74b22e91c7312",
        ["vpc-pairs"] = "e926c9e111ab767f660e8c744dfe3c58f2c91953fcfb1e60051b30f19caac792",
    };

    [Fact]
    public void Every_catalog_query_renders_exactly_as_pinned()
    {
        var dump = Environment.GetEnvironmentVariable("FLOWLOG_RENDER_DUMP");
        if (!string.IsNullOrEmpty(dump)) Directory.CreateDirectory(dump);

        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var query in RepositoryRoot.Catalog.All)
        {
            var text = Renderings(query);
            if (!string.IsNullOrEmpty(dump)) File.WriteAllText(Path.Combine(dump, $"{query.Pack}.{query.Id}.sql"), text);
            actual[query.Id] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }

        var changed = actual.Where(a => !Expected.TryGetValue(a.Key, out var digest) || digest != a.Value).Select(a => a.Key)
            .Concat(Expected.Keys.Where(k => !actual.ContainsKey(k))).ToList();
        Assert.True(changed.Count == 0,
            $"Renderings changed for: {string.Join(", ", changed)}. Digests now:\n"
            + string.Join('\n', actual.Select(a => $"        [\"{a.Key}\"] = \"{a.Value}\",")));
    }

    /// <summary>Every variant of one query, each headed by what it is; a refused variant records the refusal.</summary>
    private static string Renderings(QueryDefinition query)
    {
        var text = new StringBuilder();
        foreach (var (label, request) in Variants(query))
        {
            text.Append("-- ").Append(label).Append('\n');
            try
            {
                var rendered = QueryRenderer.Render(query, request);
                text.Append(rendered.Sql).Append('\n');
                if (rendered.ExecutionParameters is { Count: > 0 } bound) text.Append("-- bound: ").AppendJoin(" | ", bound).Append('\n');
            }
            catch (FormatMismatchException e)
            {
                text.Append("-- refused: ").Append(e.Message).Append('\n');
            }
        }
        return text.ToString();
    }

    private static IEnumerable<(string Label, RenderRequest Request)> Variants(QueryDefinition query)
    {
        var required = query.Parameters.Where(p => p.Required && p.Default is null).ToDictionary(p => p.Name, Sample);
        var parameterSets = new List<(string, Dictionary<string, string>)> { ("defaults", required) };
        foreach (var parameter in query.Parameters.Where(p => !required.ContainsKey(p.Name)))
            parameterSets.Add(($"{parameter.Name}=sample", new(required) { [parameter.Name] = Sample(parameter) }));

        // Each optional field's absent branch: every field but that one, and every field but all of them.
        // A Transit Gateway query is refused on the VPC formats (recorded as such) and rendered on its own kind's.
        var formats = CommonFormats.ToList();
        if (query.Kind == FlowLogKind.TransitGateway) formats.Add(("transit-gateway", FlowLogFormat.TransitGatewayDefault));
        formats.AddRange(query.OptionalFields.Select(f => ($"all-but-{f}", EveryFieldBut(query.Kind, [f]))));
        if (query.OptionalFields.Count > 1) formats.Add(("all-but-optional", EveryFieldBut(query.Kind, query.OptionalFields)));

        // A query whose SQL depends on the reference tables (AWS's address ranges, the inventory) renders with and without
        // them; the golden text of the others is unchanged.
        var usesRanges = UsesReferences(query);
        var rangeChoices = usesRanges ? new[] { false, true } : [false];
        foreach (var dialect in new[] { SqlDialect.Athena, SqlDialect.DuckDb })
            foreach (var (formatName, format) in formats)
                foreach (var (setName, parameters) in parameterSets)
                    foreach (var ranges in rangeChoices)
                        yield return ($"{dialect} {formatName} daily {setName}{(ranges ? " references" : "")}",
                            Request(dialect, format, parameters, Partitioning.Daily, RepoQueries.OneDay, ranges));
        var everyField = FlowLogFormat.AllFieldsOf(query.Kind);
        yield return ("Athena all hourly ragged defaults", Request(SqlDialect.Athena, everyField, required, Partitioning.Hourly, RaggedWindow, usesRanges));
        yield return ("DuckDb all daily ragged defaults", Request(SqlDialect.DuckDb, everyField, required, Partitioning.Daily, RaggedWindow, usesRanges));
    }

    private static bool UsesReferences(QueryDefinition query)
    {
        string? Sql(bool references)
        {
            try
            {
                return QueryRenderer.Render(query, Request(SqlDialect.Athena, FlowLogFormat.AllFieldsOf(query.Kind),
                    query.Parameters.Where(p => p.Required && p.Default is null).ToDictionary(p => p.Name, Sample), Partitioning.Daily, RepoQueries.OneDay, references)).Sql;
            }
            catch (FormatMismatchException)
            {
                return null;
            }
        }
        return Sql(false) != Sql(true);
    }

    private static FlowLogFormat EveryFieldBut(FlowLogKind kind, IReadOnlyList<string> absent) =>
        FlowLogFormat.Parse(string.Join(' ', FieldCatalog.Of(kind).Where(f => !absent.Contains(f.Name)).Select(f => "${" + f.Name + "}")));

    private static RenderRequest Request(SqlDialect dialect, FlowLogFormat format, Dictionary<string, string> parameters,
        Partitioning partitioning, TimeWindow window, bool ipRanges = false) => new()
        {
            References = ipRanges ? RepoQueries.WithReferences(dialect) : ReferenceTables.None,
            Dialect = dialect,
            TableReference = dialect == SqlDialect.Athena ? "\"flowlogs\".\"vpc_flow_logs\"" : "\"flow_logs\"",
            Window = window,
            Format = format,
            Partitioning = partitioning,
            Parameters = parameters,
        };

    /// <summary>A valid value other than the usual default, so the parameter's other branch renders too.</summary>
    private static string Sample(QueryParameterDefinition parameter) => parameter.Type switch
    {
        QueryParameterType.List when parameter.ItemType == QueryParameterType.Enum => parameter.Values[0],
        QueryParameterType.List => Sample(parameter.ItemType!.Value, parameter) + "," + Sample(parameter.ItemType!.Value, parameter, second: true),
        QueryParameterType.Mapping => MappingSamples.File(parameter),
        _ => Sample(parameter.Type, parameter),
    };

    private static string Sample(QueryParameterType type, QueryParameterDefinition parameter, bool second = false) => type switch
    {
        QueryParameterType.Int => $"{parameter.Max ?? 7}",
        QueryParameterType.Port => second ? "3389" : "443",
        QueryParameterType.Date => "2026-11-02",
        QueryParameterType.Timestamp => "2026-11-02T13:00:00Z",
        QueryParameterType.Ip => second ? "2001:db8::1" : "10.0.0.1",
        QueryParameterType.Cidr => second ? "2001:db8::/32" : "10.0.0.0/8",
        QueryParameterType.Enum => parameter.Values[^1],
        QueryParameterType.String => "web-01",
        QueryParameterType.Decimal => "0.045",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No sample value for this parameter type."),
    };
}
