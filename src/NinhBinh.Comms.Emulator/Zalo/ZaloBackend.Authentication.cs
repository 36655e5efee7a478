using System;
using System.Security.Cryptography;
using System.Text;

namespace NinhBinh.Comms.Emulator;

/// <summary>Authentication of OpenAPI and business requests: the app rate limit, the access token, appsecret_proof.</summary>
internal sealed partial class ZaloBackend
{
    /// <summary>Rate limit, then token, then appsecret_proof. Null when the request may proceed (Grant set).</summary>
    public Reply? Authenticate(ApiRequest request, Surface surface)
    {
        var token = request.Headers["access_token"].ToString();
        var now = Now;
        lock (_gate)
        {
            _accessTokens.TryGetValue(token, out var grant);
            if (grant is not null && _apps.TryGetValue(grant.AppId, out var app))
            {
                var window = app.Window;
                var start = now - TimeSpan.FromSeconds(60);
                while (window.Count > 0 && window.Peek() <= start)
                {
                    window.Dequeue();
                }

                if (window.Count >= _rateLimit)
                {
                    _rateLimited++;
                    return Json.Error(-32, "The request rate of this app exceeded the limit");
                }

                window.Enqueue(now);
            }

            if (grant is null || grant.Revoked)
            {
                return surface == Surface.Business
                    ? Json.Error(-124, "Access token is invalid")
                    : Json.Error(-216, "Access token is invalid");
            }

            if (now >= grant.ExpiresAt)
            {
                return surface == Surface.Business
                    ? Json.Error(-124, "Access token has expired")
                    : Json.Error(-220, "Access token has expired");
            }

            var proof = request.Headers["appsecret_proof"].ToString();
            if (proof.Length > 0)
            {
                var expected = AppSecretProof(_apps[grant.AppId].Secret, token);
                if (!string.Equals(proof, expected, StringComparison.Ordinal))
                {
                    return Json.Error(-242, "appsecret_proof is invalid");
                }
            }

            request.Grant = grant;
            return null;
        }
    }

    internal static string AppSecretProof(string secret, string accessToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(accessToken)));
}
