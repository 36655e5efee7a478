namespace NinhBinh.Comms.Zalo;

/// <summary>The age groups a broadcast can target, with Zalo's codes (0–7).</summary>
public enum ZaloBroadcastAgeGroup
{
    /// <summary>0–12 years (code 0).</summary>
    Under13 = 0,

    /// <summary>13–17 years (code 1).</summary>
    From13To17 = 1,

    /// <summary>18–24 years (code 2).</summary>
    From18To24 = 2,

    /// <summary>25–34 years (code 3).</summary>
    From25To34 = 3,

    /// <summary>35–44 years (code 4).</summary>
    From35To44 = 4,

    /// <summary>45–54 years (code 5).</summary>
    From45To54 = 5,

    /// <summary>55–64 years (code 6).</summary>
    From55To64 = 6,

    /// <summary>65 years and over (code 7).</summary>
    From65 = 7,
}
