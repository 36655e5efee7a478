namespace NinhBinh.Comms.Zalo;

/// <summary>The regions of Viet Nam a broadcast can target (<c>locations</c>), with Zalo's codes.</summary>
public enum ZaloBroadcastRegion
{
    /// <summary>The North, Miền Bắc (code 0).</summary>
    North = 0,

    /// <summary>The Centre, Miền Trung (code 1).</summary>
    Central = 1,

    /// <summary>The South, Miền Nam (code 2).</summary>
    South = 2,
}
