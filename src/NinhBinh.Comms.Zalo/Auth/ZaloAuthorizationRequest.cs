using System;

namespace NinhBinh.Comms.Zalo;

/// <summary>The start of an OA authorization: the URL to open and the values to keep for <see cref="ZaloAuthorizationClient.ExchangeCodeAsync"/>.</summary>
public sealed class ZaloAuthorizationRequest
{
    internal ZaloAuthorizationRequest(Uri url, string state, string codeVerifier, bool verifierGenerated)
    {
        Url = url;
        State = state;
        CodeVerifier = codeVerifier;
        VerifierGenerated = verifierGenerated;
    }

    /// <summary>The URL the OA admin opens to grant access.</summary>
    public Uri Url { get; }

    /// <summary>The state value; check that the callback returns it unchanged.</summary>
    public string State { get; }

    /// <summary>The PKCE code verifier to send with the code (a secret: keep it server-side).</summary>
    public string CodeVerifier { get; }

    /// <summary>Whether the SDK generated the verifier (rather than taking a given or configured one).</summary>
    public bool VerifierGenerated { get; }
}
