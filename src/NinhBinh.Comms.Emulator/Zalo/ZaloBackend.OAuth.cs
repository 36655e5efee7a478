using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace NinhBinh.Comms.Emulator;

/// <summary>OAuth v4 for official accounts: apps, authorization codes, token pairs.</summary>
internal sealed partial class ZaloBackend
{
    /// <summary>GET /v4/oa/permission, POST /v4/oa/access_token.</summary>
    public void MapOAuthRoutes(RouteMap map)
    {
        map(HttpMethods.Get, "/v4/oa/permission", Surface.OAuth, Permission);
        map(HttpMethods.Post, "/v4/oa/access_token", Surface.OAuth, AccessToken);
    }

    // ---- seeding and inspection ----------------------------------------------------------------------------

    public void RegisterApp(string appId, string appSecret, string? redirectUri)
    {
        lock (_gate)
        {
            if (_apps.TryGetValue(appId, out var app))
            {
                app.Secret = appSecret;
                app.RedirectUri = redirectUri;
            }
            else
            {
                _apps[appId] = new AppRecord(appId, appSecret, redirectUri);
            }
        }
    }

    public string IssueAuthorizationCode(string appId, string oaId, string codeChallenge)
    {
        lock (_gate)
        {
            RequireApp(appId);
            RequireOa(oaId);
            return IssueCodeLocked(appId, oaId, codeChallenge ?? string.Empty);
        }
    }

    public (string AccessToken, string RefreshToken) IssueTokens(string appId, string oaId)
    {
        lock (_gate)
        {
            RequireApp(appId);
            return IssueTokensLocked(appId, RequireOa(oaId));
        }
    }

    public int GetRefreshCount(string oaId)
    {
        lock (_gate)
        {
            return _oas.TryGetValue(oaId, out var oa) ? oa.RefreshCount : 0;
        }
    }

    // ---- endpoints -----------------------------------------------------------------------------------------

    /// <summary>GET /v4/oa/permission: consents at once for the first OA linked to the app.</summary>
    public Reply Permission(ApiRequest request)
    {
        var appId = request.Query["app_id"].ToString();
        var redirect = request.Query["redirect_uri"].ToString();
        var challenge = request.Query["code_challenge"].ToString();
        var state = request.Query["state"];
        lock (_gate)
        {
            if (!_apps.TryGetValue(appId, out var app))
            {
                return new Reply(400, Text: "Invalid app_id.");
            }

            if (app.RedirectUri is not null)
            {
                if (redirect.Length == 0)
                {
                    redirect = app.RedirectUri;
                }
                else if (!string.Equals(redirect, app.RedirectUri, StringComparison.Ordinal))
                {
                    return new Reply(400, Text: "Invalid redirect_uri: it does not match the one registered for the app.");
                }
            }

            if (!Uri.TryCreate(redirect, UriKind.Absolute, out _))
            {
                return new Reply(400, Text: "Invalid redirect_uri.");
            }

            var oa = _oaOrder.Find(o => string.Equals(o.AppId, appId, StringComparison.Ordinal));
            if (oa is null)
            {
                return new Reply(400, Text: "No official account is linked to this app.");
            }

            var code = IssueCodeLocked(appId, oa.OaId, challenge);
            var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["code"] = code,
                ["oa_id"] = oa.OaId,
            };
            if (state.Count > 0)
            {
                parameters["state"] = state.ToString();
            }

            return new Reply(302, Location: QueryHelpers.AddQueryString(redirect, parameters));
        }
    }

    /// <summary>POST /v4/oa/access_token (form): authorization_code and refresh_token grants.</summary>
    public Reply AccessToken(ApiRequest request)
    {
        string Field(string name) => request.Form.TryGetValue(name, out var value) ? value.ToString() : string.Empty;

        var appId = Field("app_id");
        var grantType = Field("grant_type");
        var secret = request.Headers["secret_key"].ToString();
        var now = Now;
        lock (_gate)
        {
            if (!_apps.TryGetValue(appId, out var app))
            {
                return Json.OAuthError(-14002, "invalid_app_id", "The app_id is invalid.");
            }

            if (secret.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(app.Secret)))
            {
                return Json.OAuthError(-14004, "invalid_secret_key", "The secret_key header is missing or does not match the app secret.");
            }

            switch (grantType)
            {
                case "authorization_code":
                    {
                        var code = Field("code");
                        if (!_codes.TryGetValue(code, out var record) || record.Used || now >= record.ExpiresAt
                            || !string.Equals(record.AppId, appId, StringComparison.Ordinal))
                        {
                            return Json.OAuthError(-14005, "invalid_code", "The authorization code is invalid, expired or already used.");
                        }

                        if (record.Challenge.Length > 0)
                        {
                            var verifier = Field("code_verifier");
                            var computed = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
                            if (verifier.Length == 0 || !string.Equals(computed, record.Challenge, StringComparison.Ordinal))
                            {
                                return Json.OAuthError(-14005, "invalid_code", "The code_verifier does not match the code_challenge (verifier mismatch).");
                            }
                        }

                        record.Used = true;
                        _codes.Remove(code);
                        return TokenReply(IssueTokensLocked(appId, RequireOa(record.OaId)));
                    }

                case "refresh_token":
                    {
                        var token = Field("refresh_token");
                        if (!_refreshTokens.TryGetValue(token, out var record) || record.Used || now >= record.ExpiresAt
                            || !string.Equals(record.AppId, appId, StringComparison.Ordinal))
                        {
                            return Json.OAuthError(-14014, "invalid_refresh_token", "The refresh token is invalid, expired or already used.");
                        }

                        record.Used = true;
                        var oa = RequireOa(record.OaId);
                        foreach (var issued in oa.AccessTokens)
                        {
                            if (_accessTokens.TryGetValue(issued, out var previous) && string.Equals(previous.AppId, appId, StringComparison.Ordinal))
                            {
                                previous.Revoked = true;
                            }
                        }

                        oa.AccessTokens.RemoveAll(t => _accessTokens.TryGetValue(t, out var r) && r.Revoked);
                        oa.RefreshCount++;
                        return TokenReply(IssueTokensLocked(appId, oa));
                    }

                default:
                    return Json.OAuthError(-14018, "invalid_grant_type", "The grant_type must be authorization_code or refresh_token.");
            }
        }
    }

    private Reply TokenReply((string AccessToken, string RefreshToken) pair) => new(200, new JsonObject
    {
        ["access_token"] = pair.AccessToken,
        ["refresh_token"] = pair.RefreshToken,
        ["expires_in"] = ((long)_accessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    });

    // ---- helpers (lock held) ------------------------------------------------------------------------------

    private string IssueCodeLocked(string appId, string oaId, string challenge)
    {
        var code = NewSecret(32);
        _codes[code] = new CodeRecord(appId, oaId, challenge, Now + _codeLifetime);
        return code;
    }

    private (string AccessToken, string RefreshToken) IssueTokensLocked(string appId, OaRecord oa)
    {
        var now = Now;
        var access = NewSecret(48);
        var refresh = NewSecret(48);
        _accessTokens[access] = new AccessTokenRecord(access, appId, oa.OaId, now + _accessTokenLifetime);
        _refreshTokens[refresh] = new RefreshTokenRecord(appId, oa.OaId, now + _refreshTokenLifetime);
        oa.AccessTokens.Add(access);
        return (access, refresh);
    }
}
