namespace NinhBinh.Comms.Zalo;

/// <summary>What kind of failure a Zalo error is: the small set of cases a caller acts on.</summary>
public enum ZaloErrorKind
{
    /// <summary>Any other error; see the code and its meaning.</summary>
    Other = 0,

    /// <summary>The token or grant is no longer valid: the OA must be authorized again (after one refresh has failed).</summary>
    ReauthorizationRequired = 1,

    /// <summary>Too many requests (<c>-32</c>): slow down and retry later.</summary>
    RateLimited = 2,

    /// <summary>The user has not interacted within the window (<c>-230</c>, <c>-232</c>): consultation messages are not allowed.</summary>
    OutsideInteractionWindow = 3,

    /// <summary>A quota is used up (<c>-211</c>, <c>-218</c>, …).</summary>
    QuotaExhausted = 4,

    /// <summary>The request is invalid (<c>-201</c>, <c>-210</c>, …): fix it before sending again.</summary>
    InvalidRequest = 5,

    /// <summary>The user does not follow the OA (<c>-213</c>).</summary>
    NotFollower = 6,

    /// <summary>Promotion messages (<c>-234</c>) and ZNS template messages (<c>-133</c>) are not sent between 22:00 and 06:00 Vietnam time.</summary>
    NightBan = 7,

    /// <summary>
    /// The app is set up wrongly (<c>-242</c>: the <c>appsecret_proof</c> does not match): fix the settings (app secret,
    /// <c>UseAppSecretProof</c>); neither a token refresh nor a new authorization helps.
    /// </summary>
    Configuration = 8,
}
