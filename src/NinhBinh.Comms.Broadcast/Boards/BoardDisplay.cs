using System;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>One screen as its board system reports it: whether it is online, when it was last seen, what it shows.</summary>
public sealed class BoardDisplay
{
    /// <summary>Creates a display's state.</summary>
    /// <param name="id">The display's id in its system (a Xibo displayId; an Anthias device's configured id).</param>
    /// <param name="name">Its name.</param>
    /// <param name="isOnline">Whether it is connected now.</param>
    /// <param name="lastSeen">When it last checked in, or <see langword="null"/> when unknown.</param>
    /// <param name="displayGroupId">The id of its own display group (Xibo), or <see langword="null"/>.</param>
    /// <param name="showing">What it shows now (a layout, an asset name), or <see langword="null"/> when unknown.</param>
    /// <param name="width">Its resolution's width in pixels, or <see langword="null"/> when unknown.</param>
    /// <param name="height">Its resolution's height in pixels, or <see langword="null"/> when unknown.</param>
    public BoardDisplay(string id, string name, bool isOnline, DateTimeOffset? lastSeen = null, string? displayGroupId = null,
        string? showing = null, int? width = null, int? height = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("id: is empty.", nameof(id));
        }

        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? id : name;
        IsOnline = isOnline;
        LastSeen = lastSeen;
        DisplayGroupId = displayGroupId;
        Showing = showing;
        Width = width;
        Height = height;
    }

    /// <summary>The display's id in its system.</summary>
    public string Id { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Whether it is connected now.</summary>
    public bool IsOnline { get; }

    /// <summary>When it last checked in, or <see langword="null"/> when unknown.</summary>
    public DateTimeOffset? LastSeen { get; }

    /// <summary>The id of its own display group (Xibo), or <see langword="null"/>.</summary>
    public string? DisplayGroupId { get; }

    /// <summary>What it shows now, or <see langword="null"/> when unknown.</summary>
    public string? Showing { get; }

    /// <summary>Its resolution's width in pixels, or <see langword="null"/>.</summary>
    public int? Width { get; }

    /// <summary>Its resolution's height in pixels, or <see langword="null"/>.</summary>
    public int? Height { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({(IsOnline ? "online" : "offline")})";
}
