namespace NinhBinh.Comms.Zalo;

/// <summary>How a video cover is framed (<c>cover_view</c>).</summary>
public enum ZaloArticleCoverView
{
    /// <summary>Landscape (<c>horizontal</c>).</summary>
    Horizontal = 0,

    /// <summary>Portrait (<c>vertical</c>).</summary>
    Vertical = 1,

    /// <summary>Square (<c>square</c>).</summary>
    Square = 2,
}
