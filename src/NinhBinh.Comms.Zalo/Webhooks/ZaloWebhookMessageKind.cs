namespace NinhBinh.Comms.Zalo;

/// <summary>What a message event carries (the suffix of its event name).</summary>
public enum ZaloWebhookMessageKind
{
    /// <summary>Text (<c>*_send_text</c>).</summary>
    Text = 0,

    /// <summary>An image.</summary>
    Image,

    /// <summary>A link.</summary>
    Link,

    /// <summary>A voice or audio clip.</summary>
    Audio,

    /// <summary>A video.</summary>
    Video,

    /// <summary>A sticker.</summary>
    Sticker,

    /// <summary>A GIF.</summary>
    Gif,

    /// <summary>A location.</summary>
    Location,

    /// <summary>A business card.</summary>
    BusinessCard,

    /// <summary>A file.</summary>
    File,

    /// <summary>A list (OA messages).</summary>
    List,
}
