namespace NinhBinh.Comms.Zalo;

/// <summary>The device platforms a broadcast can target, with Zalo's codes.</summary>
public enum ZaloBroadcastPlatform
{
    /// <summary>iOS (code 1).</summary>
    Ios = 1,

    /// <summary>Android (code 2).</summary>
    Android = 2,

    /// <summary>Windows Phone (code 3).</summary>
    WindowsPhone = 3,
}
