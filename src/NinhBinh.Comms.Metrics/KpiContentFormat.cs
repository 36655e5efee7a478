namespace NinhBinh.Comms.Metrics;

/// <summary>The form of a content item; written lowercase in the exchange formats (<c>article</c>, <c>post</c>, …).</summary>
public enum KpiContentFormat
{
    /// <summary>An article (tin bài): a Zalo OA article, a portal news item.</summary>
    Article = 0,

    /// <summary>A short social post.</summary>
    Post = 1,

    /// <summary>A video.</summary>
    Video = 2,

    /// <summary>An image or infographic.</summary>
    Image = 3,

    /// <summary>Audio: a radio bulletin or podcast.</summary>
    Audio = 4,

    /// <summary>A notice shown on a public electronic board.</summary>
    Notice = 5,

    /// <summary>Anything else.</summary>
    Other = 6,
}
