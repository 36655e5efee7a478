namespace NinhBinh.Comms.Broadcast.Cap;

/// <summary>One entry of an Atom feed of alerts: the alert (when it was embedded and valid) and every problem found.</summary>
public sealed class CapFeedEntry
{
    internal CapFeedEntry(string id, string? link, CapReadResult? content)
    {
        Id = id;
        Link = link;
        Content = content;
    }

    /// <summary>The Atom entry id.</summary>
    public string Id { get; }

    /// <summary>The entry's link to the alert (Google Public Alerts style feeds link rather than embed).</summary>
    public string? Link { get; }

    /// <summary>The embedded alert as read (with its problems), or null when the entry only links to it.</summary>
    public CapReadResult? Content { get; }
}
