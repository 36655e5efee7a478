namespace NinhBinh.Comms.Zalo;

/// <summary>Why a webhook delivery was refused.</summary>
public enum ZaloWebhookFailure
{
    /// <summary>Not refused: the delivery is authentic and fresh.</summary>
    None = 0,

    /// <summary>No <c>X-ZEvent-Signature</c> header.</summary>
    MissingSignature,

    /// <summary>The header is not <c>mac=</c> followed by 64 hexadecimal digits.</summary>
    MalformedSignature,

    /// <summary>The body is not a JSON object (truncated, empty or not JSON at all).</summary>
    InvalidJson,

    /// <summary>The body has no usable <c>timestamp</c> (epoch milliseconds).</summary>
    MissingTimestamp,

    /// <summary>The signature does not match: forged, altered, or signed with another secret or app id.</summary>
    SignatureMismatch,

    /// <summary>
    /// The signature matches, but the event is older than the replay window (or too far in the future). Reported only
    /// after the signature was found valid.
    /// </summary>
    Replayed,

    /// <summary>The body is larger than the configured limit.</summary>
    TooLarge,
}
