namespace FlowLogAthena.Synthetic.Network;

/// <summary>
/// Addresses outside the VPCs, shared by every account and region of one run: popular internet hosts (drawn
/// with a Zipf skew, so some pairs repeat a lot), a few port scanners, on-premises networks, and peers.
/// Hosts that are not in a pool are drawn fresh per record, which keeps distinct pairs growing with volume.
/// </summary>
internal sealed class RemoteAddresses
{
    /// <summary>Upper 32 bits of the IPv6 blocks remote hosts are drawn from (large providers' /32s).</summary>
    internal static readonly uint[] Ipv6Providers =
        [0x2a00_1450, 0x2606_4700, 0x2a02_26f0, 0x2a03_2880, 0x2001_4860, 0x2a01_04f8, 0x2400_cb00, 0x2607_f8b0];

    private RemoteAddresses(ulong seed)
    {
        var rng = new FastRandom(FastRandom.Mix(seed, 0x5E_770E));
        PopularV4 = new IpValue[2048];
        PopularV4Service = new int[PopularV4.Length];
        for (var i = 0; i < PopularV4.Length; i++)
        {
            // A fifth S3, then EC2, CloudFront, AMAZON, DynamoDB, and 40 % non-AWS sites.
            var service = (i % 20) switch
            {
                < 5 => AwsServices.S3,
                < 8 => AwsServices.Ec2,
                < 10 => AwsServices.CloudFront,
                10 => AwsServices.Amazon,
                11 => AwsServices.DynamoDb,
                _ => -1,
            };
            PopularV4Service[i] = service;
            PopularV4[i] = service < 0 ? AwsServices.NonAwsAddress(ref rng) : AwsServices.AddressOf(service, ref rng);
        }
        Shuffle(PopularV4, PopularV4Service, ref rng);

        S3 = Pool(256, ref rng, (ref FastRandom r) => AwsServices.AddressOf(AwsServices.S3, ref r));
        DynamoDb = Pool(64, ref rng, (ref FastRandom r) => AwsServices.AddressOf(AwsServices.DynamoDb, ref r));
        HealthCheckers = Pool(16, ref rng, (ref FastRandom r) => AwsServices.AddressOf(AwsServices.Route53HealthChecks, ref r));
        InstanceConnect = Pool(4, ref rng, (ref FastRandom r) => AwsServices.AddressOf(AwsServices.Ec2InstanceConnect, ref r));
        Scanners = Pool(6, ref rng, AwsServices.NonAwsAddress);
        ScannerBasePorts = Enumerable.Range(0, Scanners.Length).Select(_ => rng.Next(33000, 65000)).ToArray();
        Office = OfficeAddress;
        PopularV6 = Pool(256, ref rng, RandomV6);
        OnPremises = Pool(1024, ref rng, (ref FastRandom r) => r.Next(3) == 0
            ? IpValue.V4(192, 168, r.Next(0, 64), r.Next(1, 255))
            : IpValue.V4(172, r.Next(16, 32), r.Next(256), r.Next(1, 255)));
        OutpostLan = Pool(256, ref rng, (ref FastRandom r) => IpValue.V4(192, 168, r.Next(100, 104), r.Next(1, 255)));
        InterRegionPeers = Pool(512, ref rng, (ref FastRandom r) => IpValue.V4(10, r.Next(200, 232), r.Next(256), r.Next(4, 255)));
        TransitPeers = Pool(512, ref rng, (ref FastRandom r) => IpValue.V4(10, r.Next(64, 128), r.Next(256), r.Next(4, 255)));
    }

    private delegate IpValue Draw(ref FastRandom rng);

    public static RemoteAddresses Create(ulong seed) => new(seed);

    /// <summary>The addresses a run with these options uses (the same for every account and region).</summary>
    public static RemoteAddresses For(GeneratorOptions options) => Create((ulong)(uint)options.Seed);

    /// <summary>Popular internet hosts in heavy-hitter order, with their service index or -1.</summary>
    public IpValue[] PopularV4 { get; }

    public int[] PopularV4Service { get; }

    public IpValue[] S3 { get; }

    public IpValue[] DynamoDb { get; }

    public IpValue[] HealthCheckers { get; }

    public IpValue[] InstanceConnect { get; }

    /// <summary>A few external scanners that sweep many ports; the first one is the busiest.</summary>
    public IpValue[] Scanners { get; }

    public int[] ScannerBasePorts { get; }

    /// <summary>The company's office address, the one source besides EC2 Instance Connect allowed to reach admin ports.</summary>
    public IpValue Office { get; }

    /// <summary>Fixed, so the compliance pack's allowed admin sources can be documented (see <see cref="GeneratedNetworks"/>).</summary>
    internal static readonly IpValue OfficeAddress = IpValue.V4(198, 51, 100, 10);

    public IpValue[] PopularV6 { get; }

    public IpValue[] OnPremises { get; }

    public IpValue[] OutpostLan { get; }

    public IpValue[] InterRegionPeers { get; }

    public IpValue[] TransitPeers { get; }

    /// <summary>A public IPv6 address under a large provider's block, random below it.</summary>
    public static IpValue RandomV6(ref FastRandom rng)
    {
        var high = ((ulong)Ipv6Providers[rng.Next(Ipv6Providers.Length)] << 32) | (uint)rng.NextUInt64();
        var low = rng.Next(4) == 0 ? (ulong)rng.Next(1, 0x10000) : rng.NextUInt64();
        return IpValue.V6(high, low);
    }

    private static IpValue[] Pool(int size, ref FastRandom rng, Draw draw)
    {
        var pool = new IpValue[size];
        for (var i = 0; i < size; i++) pool[i] = draw(ref rng);
        return pool;
    }

    private static void Shuffle(IpValue[] addresses, int[] services, ref FastRandom rng)
    {
        for (var i = addresses.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (addresses[i], addresses[j]) = (addresses[j], addresses[i]);
            (services[i], services[j]) = (services[j], services[i]);
        }
    }
}
