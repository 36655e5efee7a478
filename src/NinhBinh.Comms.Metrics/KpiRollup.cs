namespace NinhBinh.Comms.Metrics;

/// <summary>
/// One row of a roll-up by topic or by campaign: how many content items of the unit were published in the period
/// under that topic or campaign, on how many channels. An item with two topics counts once under each, so topic rows
/// do not add up to the total; <see cref="Key"/> is null for items with no topic (or campaign).
/// </summary>
/// <param name="Key">The topic or campaign key, or null for items with none.</param>
/// <param name="Name">Its name (the key when it is not in the store; "(none)" for items with none).</param>
/// <param name="Items">Content items published (<c>content.published</c> counted from content items).</param>
/// <param name="Channels">Distinct channels they were published on.</param>
public sealed record KpiRollup(string? Key, string Name, int Items, int Channels);
