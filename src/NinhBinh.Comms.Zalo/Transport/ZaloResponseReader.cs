using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.Internal;

/// <summary>Reads Zalo responses: HTTP failures and HTTP-200 error envelopes both become <see cref="ZaloException"/>s.</summary>
internal static class ZaloResponseReader
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw HttpFailure(response, operation);
            }

#if NET
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            try
            {
                return JsonSerializer.Deserialize(bytes, typeInfo)
                    ?? throw new ZaloException($"Zalo answered {operation} with an empty body.") { Status = (int)response.StatusCode };
            }
            catch (JsonException ex)
            {
                throw new ZaloException($"Zalo answered {operation} with a body that is not the expected JSON.", ex) { Status = (int)response.StatusCode };
            }
        }
    }

    public static ZaloException HttpFailure(HttpResponseMessage response, string operation)
    {
        var status = (int)response.StatusCode;
        var retryAfter = GetRetryAfter(response);
        return new ZaloException(0, $"Zalo answered {operation} with HTTP {status.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}.")
        {
            Status = status,
            IsTransient = status is 408 or 429 or >= 500,
            RetryAfter = retryAfter,
        };
    }

    public static TimeSpan? GetRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
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

    public static string Describe(int code, string? zaloMessage, params string?[] secrets)
    {
        var meaning = ZaloErrorCodes.Describe(code);
        var said = Redaction.Scrub(zaloMessage, secrets);
        return string.IsNullOrEmpty(said) || string.Equals(said, meaning, StringComparison.OrdinalIgnoreCase) || said.All(c => !char.IsLetter(c))
            ? $"{code.ToString(CultureInfo.InvariantCulture)} {meaning}"
            : $"{code.ToString(CultureInfo.InvariantCulture)} {meaning} (Zalo said: {said})";
    }
}
