using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Metrics;

/// <summary>
/// One content item (tin bài, post, video, bulletin) published on a channel of a unit, with the content lines (topics)
/// it belongs to and the campaign it is part of. Topic and campaign roll-ups count these items.
/// </summary>
/// <param name="Id">The item's id on its platform (e.g. the Zalo article id); with the platform, it names the item.</param>
/// <param name="UnitCode">The unit the channel belongs to (province 2 digits or commune 5 digits; an old code is mapped as of the publication day).</param>
/// <param name="Channel">The channel's name within the unit, as in the channel inventory.</param>
/// <param name="Platform">The platform.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Format">Its form.</param>
public sealed record KpiContentItem(string Id, string UnitCode, string Channel, KpiPlatform Platform, DateTimeOffset PublishedAt, KpiContentFormat Format)
{
    /// <summary>The keys of the topics (content lines) it belongs to; each must be a known <see cref="KpiTopic"/>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = Array.Empty<string>();

    /// <summary>The key of the campaign it is part of (a known <see cref="KpiCampaign"/>), or null.</summary>
    public string? Campaign { get; init; }
}
