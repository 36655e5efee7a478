namespace NinhBinh.Comms.Zalo;

/// <summary>What an upload is, which decides its Zalo endpoint and its size limit.</summary>
public enum ZaloUploadKind
{
    /// <summary>A JPEG or PNG image, at most 1 MB; Zalo answers an attachment id.</summary>
    Image = 0,

    /// <summary>A GIF image, at most 5 MB; Zalo answers an attachment id.</summary>
    Gif = 1,

    /// <summary>A PDF, DOC or DOCX document, at most 5 MB; Zalo answers a file token.</summary>
    File = 2,
}
