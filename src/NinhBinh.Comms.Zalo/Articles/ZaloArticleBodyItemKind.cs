namespace NinhBinh.Comms.Zalo;

/// <summary>What an item of a normal article's body is.</summary>
public enum ZaloArticleBodyItemKind
{
    /// <summary>A paragraph of text (<c>type: "text"</c>).</summary>
    Text = 0,

    /// <summary>An image by URL with an optional caption (<c>type: "image"</c>).</summary>
    Image = 1,

    /// <summary>A video by URL or by Zalo video id, with an optional thumbnail (<c>type: "video"</c>).</summary>
    Video = 2,

    /// <summary>A product of the OA's shop, by id (<c>type: "product"</c>).</summary>
    Product = 3,
}
