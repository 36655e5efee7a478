namespace NinhBinh.Comms.Zalo;

/// <summary>How a <see cref="ZaloBulletinChannel"/> publishes a bulletin (<see cref="ZaloBulletinChannelOptions.Mode"/>).</summary>
public enum ZaloBulletinMode
{
    /// <summary>
    /// Consultation messages, one per follower of one OA who interacted within 7 days (optionally only those with a
    /// tag); safe to dispatch again. The channel is built on one OA's client.
    /// </summary>
    ConsultationMessages = 0,

    /// <summary>
    /// An article, then a broadcast of it to the followers, on the OA of every commune the bulletin targets
    /// (<see cref="ZaloBulletinChannelOptions.CommuneOfficialAccounts"/>), one outcome per OA. The channel is built on
    /// the app's <see cref="IZaloClientFactory"/>, which holds every commune's OA.
    /// </summary>
    ArticleBroadcast = 1,
}
