namespace NinhBinh.Comms.Zalo;

/// <summary>Where an article is in Zalo's asynchronous processing, as seen by <c>article/verify</c>.</summary>
public enum ZaloArticleState
{
    /// <summary>Zalo is still processing the article (fetching its media); verify again later.</summary>
    Processing = 0,

    /// <summary>Zalo has published the article and given it an id.</summary>
    Published = 1,

    /// <summary>Zalo refused the article (for example a media URL it could not fetch, <c>-200</c>).</summary>
    Failed = 2,
}
