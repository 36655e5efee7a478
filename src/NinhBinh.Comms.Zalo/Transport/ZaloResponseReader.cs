using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Reads Zalo responses: HTTP failures and HTTP-200 error envelopes both become <see cref="ZaloException"/>s.</summary>
internal static class ZaloResponseReader
{
    /// <summary>Deserializes a body already in memory (no async layer: the bytes are there).</summary>
    public static T Deserialize<T>(System.IO.Stream stream, JsonTypeInfo<T> typeInfo, int status, string operation)
    {
        T? answer;
        try
        {
            answer = JsonSerializer.Deserialize(stream, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new ZaloException($"Zalo answered {operation} with a body that is not the expected JSON.", ex) { Status = status };
        }

        if (answer is null)
        {
            throw new ZaloException($"Zalo answered {operation} with an empty body.") { Status = status };
        }

        if (answer is IZaloAnswer withStatus)
        {
            withStatus.HttpStatus = status;
        }

        return answer;
    }

    public static ZaloException HttpFailure(HttpResponseMessage response, string operation)
        => HttpFailure((int)response.StatusCode, response.ReasonPhrase, GetRetryAfter(response), operation);

    public static ZaloException HttpFailure(int status, string? reasonPhrase, TimeSpan? retryAfter, string operation)
        => new(0, $"Zalo answered {operation} with HTTP {status.ToString(CultureInfo.InvariantCulture)} {reasonPhrase}.")
        {
            Status = status,
            IsTransient = status is 408 or 429 or >= 500,
            RetryAfter = retryAfter,
        };

    public static TimeSpan? GetRetryAfter(HttpResponseMessage response) => GetRetryAfter(response.Headers);

    public static TimeSpan? GetRetryAfter(System.Net.Http.Headers.HttpResponseHeaders? headers)
    {
        var header = headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// The top-level <c>error</c> of a Zalo envelope, read from the first bytes of a body without deserializing it;
    /// <see langword="null"/> when it is not among them.
    /// </summary>
    public static int? PeekErrorCode(ReadOnlySpan<byte> json, bool isWholeBody)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: isWholeBody, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    return null;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("error"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) ? code : null;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1 && !reader.TrySkip())
                {
                    return null; // a nested value runs past the peeked bytes
                }
            }
        }
        catch (JsonException)
        {
            // not JSON, or cut off inside a token
        }

        return null;
    }

    public static string Describe(int code, string? zaloMessage, params string?[] secrets)
    {
        var meaning = ZaloErrorCodes.Describe(code);
        var said = Redaction.Scrub(zaloMessage, secrets);
        return string.IsNullOrEmpty(said) || string.Equals(said, meaning, StringComparison.OrdinalIgnoreCase) || said.All(c => !char.IsLetter(c))
            ? $"{code.ToString(CultureInfo.InvariantCulture)} {meaning}"
            : $"{code.ToString(CultureInfo.InvariantCulture)} {meaning} (Zalo said: {said})";
    }
}
