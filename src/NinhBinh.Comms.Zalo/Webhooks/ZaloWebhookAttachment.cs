namespace NinhBinh.Comms.Zalo;

/// <summary>One attachment of a message event (<c>message.attachments[]</c>).</summary>
public sealed class ZaloWebhookAttachment
{
    internal ZaloWebhookAttachment(string? type, string? url, string? thumbnail, string? payloadJson)
    {
        Type = type;
        Url = url;
        Thumbnail = thumbnail;
        PayloadJson = payloadJson;
    }

    /// <summary>The attachment type (<c>image</c>, <c>link</c>, <c>location</c>, …).</summary>
    public string? Type { get; }

    /// <summary>The payload's <c>url</c>, when present.</summary>
    public string? Url { get; }

    /// <summary>The payload's <c>thumbnail</c>, when present.</summary>
    public string? Thumbnail { get; }

    /// <summary>The whole payload as JSON (coordinates of a location, a link's description, …).</summary>
    public string? PayloadJson { get; }
}
