using System.Net;
using Dapper;
using DuckDB.NET.Data;
using FlowLogAthena.Core.IpRanges;
using FlowLogAthena.Core.Queries.Dialects;

namespace FlowLogAthena.Local.Tests;

/// <summary>
/// The lookup SQL the local engine runs (aws_ranges_lookup over the aws_ip_ranges table) answers every address of a
/// random set, IPv4 and IPv6 in every textual form flow logs use, boundaries and text that is no address included,
/// exactly as the independent lookup (.NET's IPNetwork over every entry) does.
/// </summary>
public sealed class AwsRangesLookupOnDuckDbTests
{
    [Fact]
    public async Task Every_address_gets_the_independent_lookups_answer()
    {
        var random = new Random(20261206);
        var entries = IpRangesJson.ForGenerator().Concat(RandomEntries(random, 150)).ToList();
        var index = AwsAddressIndex.Build(AwsIpRanges.Parse(IpRangesJson.Text(entries), "ranges.json"));
        var addresses = Addresses(entries, random).Distinct(StringComparer.Ordinal).ToList();

        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await new AwsIpRangesTable(new(index)).CreateAsync(connection, CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE seen (address VARCHAR)");
        using (var appender = connection.CreateAppender("seen"))
            foreach (var address in addresses) appender.CreateRow().AppendValue(address).EndRow();

        var sql = DuckDbSqlHelpers.Instance.AwsRangesLookup("\"aws_ip_ranges\"", "seen", "address");
        var rows = (await connection.QueryAsync<(string Address, string? Service, string? Services, string? Region, string? Border, string? Prefix)>(sql))
            .ToDictionary(r => r.Address, StringComparer.Ordinal);

        Assert.Equal(addresses.Count, rows.Count);
        var matched = 0;
        foreach (var address in addresses)
        {
            var expected = IPAddress.TryParse(address, out _) && address.Count(c => c == '.') is 0 or 3 ? IpRangesReference.Lookup(entries, address) : null;
            var actual = rows[address];
            Assert.True((expected?.Service, expected?.Services, expected?.Region, expected?.BorderGroup, expected?.Prefix)
                == (actual.Service, actual.Services, actual.Region, actual.Border, actual.Prefix), $"{address}: expected {expected}, got {actual}");
            if (expected is not null) matched++;
        }
        Assert.True(matched > addresses.Count / 4, $"only {matched} of {addresses.Count} addresses in a range");
    }

    /// <summary>Each entry's first and last address and their neighbours, random ones inside, IPv6 written compressed, expanded and in capitals, and junk.</summary>
    private static IEnumerable<string> Addresses(IReadOnlyList<IpRangesJson.Entry> entries, Random random)
    {
        foreach (var entry in entries)
        {
            var network = System.Net.IPNetwork.Parse(entry.Prefix);
            var bytes = network.BaseAddress.GetAddressBytes();
            foreach (var offset in new[] { -1, 0, 1, random.Next(2, 1000) })
            {
                var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true) + offset;
                if (value < 0) continue;
                var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
                if (raw.Length > bytes.Length) continue;
                var padded = new byte[bytes.Length];
                raw.CopyTo(padded, padded.Length - raw.Length);
                var address = new IPAddress(padded);
                yield return address.ToString();
                if (bytes.Length == 16)
                {
                    yield return string.Join(':', Enumerable.Range(0, 8).Select(i => ((padded[2 * i] << 8) | padded[(2 * i) + 1]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
                    yield return address.ToString().ToUpperInvariant();
                }
            }
        }
        for (var i = 0; i < 300; i++) yield return new IPAddress(BitConverter.GetBytes(random.Next())).ToString();
        yield return "-";
        yield return "300.1.1.1";
        yield return "1:2:3:4::5:6:7:8";
        yield return "::";
    }

    private static IEnumerable<IpRangesJson.Entry> RandomEntries(Random random, int count)
    {
        string[] services = ["AMAZON", "AMAZON", "EC2", "S3", "DYNAMODB"];
        for (var i = 0; i < count; i++)
        {
            var ipv6 = random.Next(3) == 0;
            var bytes = new byte[ipv6 ? 16 : 4];
            random.NextBytes(bytes);
            bytes[0] = (byte)(ipv6 ? 0x26 : 52 + random.Next(2));
            var length = ipv6 ? random.Next(24, 65) : random.Next(10, 31);
            yield return new IpRangesJson.Entry($"{new IPAddress(bytes)}/{length}", random.Next(2) == 0 ? "us-east-1" : "eu-west-1", services[random.Next(services.Length)]);
        }
    }
}
