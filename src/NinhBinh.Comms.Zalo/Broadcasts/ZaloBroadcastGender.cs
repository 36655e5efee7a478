namespace NinhBinh.Comms.Zalo;

/// <summary>The gender a broadcast targets, with Zalo's codes.</summary>
public enum ZaloBroadcastGender
{
    /// <summary>Everyone (code 0).</summary>
    All = 0,

    /// <summary>Men (code 1).</summary>
    Male = 1,

    /// <summary>Women (code 2).</summary>
    Female = 2,
}
