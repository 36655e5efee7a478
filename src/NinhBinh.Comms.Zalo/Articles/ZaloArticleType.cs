namespace NinhBinh.Comms.Zalo;

/// <summary>The two kinds of OA article (tin bài).</summary>
public enum ZaloArticleType
{
    /// <summary>A normal article: a cover, a body of text, images and videos (<c>type: "normal"</c>).</summary>
    Normal = 0,

    /// <summary>A video article: one video with a thumbnail (<c>type: "video"</c>).</summary>
    Video = 1,
}
