using System;
using System.Collections.Generic;
using System.Linq;

namespace NinhBinh.Comms.Emulator.Boards.Anthias;

/// <summary>
/// The state of the emulated player: its assets, play order, the asset it was told to jump to, uploaded files,
/// whether it is online and the faults to inject. Every member locks; handlers live in the other partial files.
/// </summary>
internal sealed partial class AnthiasPlayer
{
    public const string AssetDir = "/data/anthias_assets/";

    private readonly object _gate = new();
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _requests = new();
    private readonly List<(Fault Fault, string? Path)> _faults = new();
    private readonly TimeProvider _time;
    private (string AssetId, DateTimeOffset Since)? _jump;
    private bool _online = true;

    public AnthiasPlayer(AnthiasEmulatorOptions options)
    {
        _time = options.TimeProvider;
        DisplayId = options.DisplayId;
        User = options.User;
        Password = options.Password;
    }

    public string DisplayId { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    public string? User { get; }

    public string? Password { get; }

    public bool IsOnline
    {
        get
        {
            lock (_gate)
            {
                return _online;
            }
        }

        set
        {
            lock (_gate)
            {
                _online = value;
            }
        }
    }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public void Record(string method, string path)
    {
        lock (_gate)
        {
            _requests.Add(method + " " + path);
        }
    }

    public void AddFault(Fault fault, string? path, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((fault, path));
            }
        }
    }

    /// <summary>Takes the oldest fault for this path (or for every path).</summary>
    public Fault? TakeFault(string path)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Path is null || string.Equals(f.Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    public string AddAsset(string name, string uri, string mimetype, int duration, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            var asset = new Asset(Guid.NewGuid().ToString("N"), name, uri, mimetype, start.ToUniversalTime(), end.ToUniversalTime(), duration, true,
                _assets.Count == 0 ? 0 : _assets.Values.Max(a => a.PlayOrder) + 1);
            _assets[asset.AssetId] = asset;
            return asset.AssetId;
        }
    }

    public IReadOnlyList<AnthiasEmulatedAsset> Snapshot()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return _assets.Values.OrderBy(a => a.PlayOrder).ThenBy(a => a.Created).Select(a => a.ToSnapshot(now)).ToArray();
        }
    }

    public AnthiasEmulatedAsset? OnScreen()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return OnScreenLocked(now)?.ToSnapshot(now);
        }
    }

    public byte[]? GetFile(string uri)
    {
        lock (_gate)
        {
            return _files.TryGetValue(uri, out var bytes) ? bytes : null;
        }
    }

    /// <summary>The jumped-to asset while its showing lasts (a 0-second video until its end date), else the first active asset in play order.</summary>
    private Asset? OnScreenLocked(DateTimeOffset now)
    {
        if (_jump is { } jump && _assets.TryGetValue(jump.AssetId, out var jumped)
            && (jumped.Duration > 0 ? now < jump.Since.AddSeconds(jumped.Duration) : now < jumped.EndDate))
        {
            return jumped;
        }

        return ActiveLocked(now).FirstOrDefault();
    }

    private List<Asset> ActiveLocked(DateTimeOffset now) =>
        _assets.Values.Where(a => a.IsActive(now)).OrderBy(a => a.PlayOrder).ThenBy(a => a.Created).ToList();

    internal abstract record Fault;

    internal sealed record StatusFault(int Status) : Fault;

    internal sealed record HtmlFault : Fault;

    internal sealed record HoldFault : Fault;

    private sealed record Asset(string AssetId, string Name, string Uri, string Mimetype, DateTimeOffset StartDate, DateTimeOffset EndDate,
        int Duration, bool IsEnabled, int PlayOrder)
    {
        public long Created { get; } = System.Threading.Interlocked.Increment(ref _created);

        private static long _created;

        public bool IsActive(DateTimeOffset now) => IsEnabled && StartDate < now && now < EndDate;

        public AnthiasEmulatedAsset ToSnapshot(DateTimeOffset now) =>
            new(AssetId, Name, Uri, Mimetype, StartDate, EndDate, Duration, IsEnabled, PlayOrder, IsActive(now));
    }
}
