using System;

namespace NinhBinh.Comms.Emulator.Boards.Anthias;

/// <summary>A snapshot of one asset of an <see cref="AnthiasEmulator"/>, as its API v2 would list it.</summary>
public sealed class AnthiasEmulatedAsset
{
    internal AnthiasEmulatedAsset(string assetId, string name, string uri, string mimetype, DateTimeOffset startDate, DateTimeOffset endDate,
        int duration, bool isEnabled, int playOrder, bool isActive)
    {
        AssetId = assetId;
        Name = name;
        Uri = uri;
        Mimetype = mimetype;
        StartDate = startDate;
        EndDate = endDate;
        Duration = duration;
        IsEnabled = isEnabled;
        PlayOrder = playOrder;
        IsActive = isActive;
    }

    /// <summary>The asset id (32 hexadecimal digits).</summary>
    public string AssetId { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The URI: an http(s) URL, or the path of an uploaded file (<c>/data/anthias_assets/…</c>, served by the emulator).</summary>
    public string Uri { get; }

    /// <summary>The mimetype field: <c>image</c>, <c>video</c>, <c>webpage</c>, …</summary>
    public string Mimetype { get; }

    /// <summary>The start of its window (UTC).</summary>
    public DateTimeOffset StartDate { get; }

    /// <summary>The end of its window (UTC).</summary>
    public DateTimeOffset EndDate { get; }

    /// <summary>How long one showing lasts, in seconds (0 for a video: its own length).</summary>
    public int Duration { get; }

    /// <summary>Whether it is enabled.</summary>
    public bool IsEnabled { get; }

    /// <summary>Its place in the play order (0 first).</summary>
    public int PlayOrder { get; }

    /// <summary>Whether it was active (enabled and inside its window) when the snapshot was taken.</summary>
    public bool IsActive { get; }

    /// <inheritdoc />
    public override string ToString() => $"{AssetId} '{Name}' ({Mimetype}, order {PlayOrder}{(IsActive ? ", active" : string.Empty)})";
}
