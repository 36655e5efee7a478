namespace NinhBinh.Comms.Metrics;

/// <summary>Where a figure comes from; written lowercase in the exchange formats (<c>zalo</c>, <c>facebook</c>, …).</summary>
public enum KpiPlatform
{
    /// <summary>Zalo Official Account.</summary>
    Zalo = 0,

    /// <summary>Facebook Page.</summary>
    Facebook = 1,

    /// <summary>YouTube channel.</summary>
    YouTube = 2,

    /// <summary>TikTok account.</summary>
    TikTok = 3,

    /// <summary>Web portal (GA4 or the portal's own counters).</summary>
    Web = 4,

    /// <summary>Commune loudspeaker / IP radio station.</summary>
    Radio = 5,

    /// <summary>Public electronic board.</summary>
    Board = 6,

    /// <summary>Any other channel.</summary>
    Other = 7,
}
