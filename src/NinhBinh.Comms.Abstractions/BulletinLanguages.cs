namespace NinhBinh.Comms;

/// <summary>
/// Language tags (BCP 47 / ISO 639) for bulletins. Vietnamese is the default; Nghị định 49/2024/NĐ-CP allows local
/// ethnic-minority languages, and any well-formed tag is accepted — these constants are the common ones.
/// </summary>
public static class BulletinLanguages
{
    /// <summary>Vietnamese (<c>vi</c>), the default.</summary>
    public const string Vietnamese = "vi";

    /// <summary>Mường (<c>mtq</c>), spoken in Ninh Bình's hill communes.</summary>
    public const string Muong = "mtq";

    /// <summary>Tày (<c>tyz</c>).</summary>
    public const string Tay = "tyz";

    /// <summary>Tai Dam / Black Thai (<c>blt</c>).</summary>
    public const string TaiDam = "blt";

    /// <summary>Hmong (<c>hmn</c>).</summary>
    public const string Hmong = "hmn";

    /// <summary>Nùng (<c>nut</c>).</summary>
    public const string Nung = "nut";

    /// <summary>Khmer (<c>km</c>).</summary>
    public const string Khmer = "km";

    /// <summary>English (<c>en</c>), for notices to foreign visitors.</summary>
    public const string English = "en";
}
