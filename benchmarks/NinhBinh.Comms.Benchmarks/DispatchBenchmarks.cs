using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace NinhBinh.Comms.Benchmarks;

/// <summary>One bulletin dispatched to many in-memory channels: the dispatcher's own cost per channel.</summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private BulletinDispatcher _dispatcher = null!;
    private Bulletin _normal = null!;
    private Bulletin _emergency = null!;

    [Params(1_000)]
    public int Channels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Channels that accept at once and keep nothing, so the figure is the dispatcher's cost.
        var channels = Enumerable.Range(0, Channels)
            .Select(i => (IBulletinChannel)new AcceptingChannel("c" + i))
            .ToArray();
        _dispatcher = new BulletinDispatcher(channels);
        var builder = Bulletin.CreateBuilder().WithTitle("Thông báo").WithBody("Nội dung bản tin").WithIssuingAgency("UBND tỉnh Ninh Bình");
        _normal = builder.Build();
        _emergency = builder.WithPriority(BulletinPriority.Emergency).Build();
    }

    [Benchmark(Baseline = true)]
    public Task<DispatchResult> Normal_bounded_16() => _dispatcher.DispatchAsync(_normal);

    [Benchmark]
    public Task<DispatchResult> Emergency_unbounded() => _dispatcher.DispatchAsync(_emergency);

    private sealed class AcceptingChannel : IBulletinChannel
    {
        private readonly Task<DeliveryOutcome> _accepted;

        public AcceptingChannel(string name)
        {
            Name = name;
            _accepted = Task.FromResult(DeliveryOutcome.Accepted(name));
        }

        public string Name { get; }

        public Task<DeliveryOutcome> DeliverAsync(Bulletin bulletin, System.Threading.CancellationToken cancellationToken = default) => _accepted;
    }
}
