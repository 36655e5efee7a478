using System.Net.Http;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Whether a request may be sent again after a failure. Set by the code that builds the request.</summary>
internal enum ZaloRequestSafety
{
    /// <summary>Not stated: GET requests are treated as <see cref="Repeatable"/>, everything else as <see cref="AtMostOnce"/>.</summary>
    Unspecified = 0,

    /// <summary>Reads and idempotent writes (tags, user info, quota): retried on any transient failure.</summary>
    Repeatable = 1,

    /// <summary>
    /// Paid or user-visible sends (OA messages, ZNS/ZBS template messages, uploads, article creation, broadcasts) and
    /// token grants (single-use codes and refresh tokens): retried only when Zalo certainly did not act on the request
    /// (the connection failed before anything was sent, HTTP 429, or Zalo's <c>-32</c> rate-limit answer).
    /// </summary>
    AtMostOnce = 2,
}

/// <summary>
/// A request the SDK built by hand, carrying its <see cref="ZaloRequestSafety"/> as a field: the hot send path pays for
/// no options dictionary and no boxing.
/// </summary>
internal sealed class ZaloRequestMessage : HttpRequestMessage
{
    public ZaloRequestMessage(HttpMethod method, System.Uri uri, ZaloRequestSafety safety)
        : base(method, uri)
    {
        Safety = safety;
    }

    public ZaloRequestSafety Safety { get; }
}

/// <summary>
/// Carries <see cref="ZaloRequestSafety"/> on the request itself, where the SDK's retry pipeline reads it: as a field
/// of <see cref="ZaloRequestMessage"/> for requests the SDK builds by hand, and in <c>HttpRequestMessage.Options</c>
/// (<c>Properties</c> on netstandard2.0) for the requests Refit builds, which set it with a <c>[Property]</c>
/// parameter under <see cref="SafetyKey"/>.
/// </summary>
internal static class ZaloRequestOptions
{
    /// <summary>The key of the safety value in the request's options.</summary>
    public const string SafetyKey = "NinhBinh.Comms.Zalo.RequestSafety";

#if NET
    private static readonly HttpRequestOptionsKey<ZaloRequestSafety> Key = new(SafetyKey);
#endif

    /// <summary>How <paramref name="request"/> may be repeated; unstated GETs are repeatable, everything else at most once.</summary>
    public static ZaloRequestSafety GetSafety(HttpRequestMessage request)
    {
        if (request is ZaloRequestMessage own)
        {
            return own.Safety;
        }

#if NET
        var stated = request.Options.TryGetValue(Key, out var value) ? value : ZaloRequestSafety.Unspecified;
#else
        var stated = request.Properties.TryGetValue(SafetyKey, out var value) && value is ZaloRequestSafety s ? s : ZaloRequestSafety.Unspecified;
#endif
        return stated != ZaloRequestSafety.Unspecified
            ? stated
            : request.Method == HttpMethod.Get ? ZaloRequestSafety.Repeatable : ZaloRequestSafety.AtMostOnce;
    }
}
