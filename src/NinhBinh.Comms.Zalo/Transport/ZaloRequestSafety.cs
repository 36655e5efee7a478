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
/// Carries <see cref="ZaloRequestSafety"/> on the request itself (<c>HttpRequestMessage.Options</c>, or
/// <c>Properties</c> on netstandard2.0), where the SDK's retry pipeline reads it. Refit endpoints set it with a
/// <c>[Property]</c> parameter under the same key.
/// </summary>
internal static class ZaloRequestOptions
{
    /// <summary>The key of the safety value in the request's options.</summary>
    public const string SafetyKey = "NinhBinh.Comms.Zalo.RequestSafety";

#if NET
    private static readonly HttpRequestOptionsKey<ZaloRequestSafety> Key = new(SafetyKey);
#endif

    /// <summary>States how <paramref name="request"/> may be repeated.</summary>
    public static void SetSafety(HttpRequestMessage request, ZaloRequestSafety safety)
    {
#if NET
        request.Options.Set(Key, safety);
#else
        request.Properties[SafetyKey] = safety;
#endif
    }

    /// <summary>How <paramref name="request"/> may be repeated; unstated GETs are repeatable, everything else at most once.</summary>
    public static ZaloRequestSafety GetSafety(HttpRequestMessage request)
    {
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
