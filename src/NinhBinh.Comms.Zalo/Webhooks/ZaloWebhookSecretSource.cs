namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Which secret Zalo mixes into a webhook's <c>X-ZEvent-Signature</c>. Most sources say the OA secret key, one says
/// the app secret (a disputed point of Zalo's docs), so it is configurable.
/// </summary>
public enum ZaloWebhookSecretSource
{
    /// <summary>The OA secret key (<see cref="ZaloClientOptions.OaSecretKey"/>): the default.</summary>
    OaSecretKey = 0,

    /// <summary>The app secret (<see cref="ZaloClientOptions.AppSecret"/>).</summary>
    AppSecret = 1,
}
