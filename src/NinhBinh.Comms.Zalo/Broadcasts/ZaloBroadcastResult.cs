namespace NinhBinh.Comms.Zalo;

/// <summary>What Zalo answered to a broadcast. Read-only; build one in tests with <see cref="ZaloModelFactory.ZaloBroadcastResult"/>.</summary>
public sealed class ZaloBroadcastResult
{
    internal ZaloBroadcastResult(string messageId, string articleId)
    {
        MessageId = messageId;
        ArticleId = articleId;
    }

    /// <summary>Zalo's id of the broadcast message.</summary>
    public string MessageId { get; }

    /// <summary>The article that was broadcast.</summary>
    public string ArticleId { get; }
}
