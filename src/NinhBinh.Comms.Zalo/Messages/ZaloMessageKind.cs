namespace NinhBinh.Comms.Zalo;

/// <summary>What a <see cref="ZaloMessage"/> carries; each kind has its own factory method on <see cref="ZaloMessage"/>.</summary>
public enum ZaloMessageKind
{
    /// <summary>Text, optionally quoting an earlier message (<see cref="ZaloMessage.CreateText"/>).</summary>
    Text = 0,

    /// <summary>An image by URL or attachment id, with an optional caption (Zalo's <c>media</c> template).</summary>
    Image = 1,

    /// <summary>A GIF by URL or attachment id (Zalo's <c>media</c> template).</summary>
    Gif = 2,

    /// <summary>A file uploaded before, by its token (attachment type <c>file</c>).</summary>
    File = 3,

    /// <summary>A list of rows with buttons (template type <c>list</c>).</summary>
    List = 4,

    /// <summary>A request for the user's information (template type <c>request_user_info</c>).</summary>
    RequestUserInfo = 5,

    /// <summary>A ZBS template sent by user id (<c>message/template</c>); goes with <see cref="ZaloOfficialAccountClient.SendTemplateAsync"/>.</summary>
    Template = 6,
}
