using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Verifies Zalo webhook deliveries: <c>X-ZEvent-Signature: mac=&lt;hex&gt;</c>, where hex is the SHA-256 (not an HMAC)
/// of <c>appId + rawBody + timestamp + secret</c>, timestamp being the body's <c>timestamp</c> field and rawBody the
/// exact bytes received. The comparison takes constant time; events older than
/// <see cref="ZaloWebhookOptions.ReplayWindow"/> are refused as replays. Thread-safe.
/// </summary>
public sealed class ZaloWebhookVerifier
{
    /// <summary>The signature header: <c>X-ZEvent-Signature</c>.</summary>
    public const string SignatureHeader = "X-ZEvent-Signature";

    /// <summary>The header that marks ZNS deliveries: <c>X-ZEvent-Server</c> (value <c>ZNS</c>).</summary>
    public const string ServerHeader = "X-ZEvent-Server";

    private const string Prefix = "mac=";
    private readonly byte[] _appId;
    private readonly byte[] _secret;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="options">The app id, the secret and the replay window.</param>
    /// <param name="timeProvider">The clock for the replay window; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are not usable; the message names every bad setting.</exception>
    public ZaloWebhookVerifier(ZaloWebhookOptions options, TimeProvider? timeProvider = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Options = options;
        _appId = Encoding.UTF8.GetBytes(options.AppId!);
        _secret = Encoding.UTF8.GetBytes(options.Secret!);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The settings in use.</summary>
    public ZaloWebhookOptions Options { get; }

    /// <summary>Verifies one delivery.</summary>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="signatureHeader">The value of <c>X-ZEvent-Signature</c> (<see langword="null"/> when missing).</param>
    /// <returns>The verdict, with the reason when refused.</returns>
    public ZaloWebhookVerification Verify(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (body.Length > Options.MaxBodyBytes)
        {
            return new ZaloWebhookVerification(ZaloWebhookFailure.TooLarge, $"The body is {body.Length} bytes; the limit (MaxBodyBytes) is {Options.MaxBodyBytes}.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return new ZaloWebhookVerification(ZaloWebhookFailure.MissingSignature, $"The {SignatureHeader} header is missing.");
        }

        Span<byte> claimed = stackalloc byte[32];
        if (!TryParseHeader(signatureHeader!, claimed))
        {
            return new ZaloWebhookVerification(ZaloWebhookFailure.MalformedSignature, $"The {SignatureHeader} header is not 'mac=' followed by 64 hexadecimal digits.");
        }

        var failure = ReadTimestamp(body, out var timestampText, out var timestamp);
        if (failure is not null)
        {
            return failure;
        }

        Span<byte> expected = stackalloc byte[32];
        ComputeHash(_appId, body, timestampText!, _secret, expected);
        if (!FixedTimeEquals(expected, claimed))
        {
            return new ZaloWebhookVerification(ZaloWebhookFailure.SignatureMismatch, "The signature does not match the body, app id, timestamp and secret.", timestamp);
        }

        var now = _time.GetUtcNow();
        if (now - timestamp > Options.ReplayWindow)
        {
            return new ZaloWebhookVerification(ZaloWebhookFailure.Replayed, $"The event is from {timestamp:O}, older than the replay window ({Options.ReplayWindow}).", timestamp);
        }

        if (timestamp - now > Options.AllowedClockSkew)
        {
            return new ZaloWebhookVerification(ZaloWebhookFailure.Replayed, $"The event is from {timestamp:O}, further in the future than the allowed clock skew ({Options.AllowedClockSkew}).", timestamp);
        }

        return ZaloWebhookVerification.Valid(timestamp);
    }

    /// <summary>Verifies one delivery held in an array.</summary>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="signatureHeader">The value of <c>X-ZEvent-Signature</c>.</param>
    /// <returns>The verdict.</returns>
    public ZaloWebhookVerification Verify(byte[] body, string? signatureHeader)
        => Verify(new ReadOnlySpan<byte>(body ?? throw new ArgumentNullException(nameof(body))), signatureHeader);

    /// <summary>
    /// Computes the header value Zalo sends for a body: <c>mac=</c> and the lowercase hex SHA-256 of
    /// <c>appId + body + timestamp + secret</c> (for emulators, tests and tools that sign deliveries).
    /// </summary>
    /// <param name="appId">The app id.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="timestamp">The body's <c>timestamp</c> value as text.</param>
    /// <param name="secret">The secret.</param>
    /// <returns>The header value.</returns>
    public static string ComputeSignature(string appId, ReadOnlySpan<byte> body, string timestamp, string secret)
    {
        if (appId is null)
        {
            throw new ArgumentNullException(nameof(appId));
        }

        if (timestamp is null)
        {
            throw new ArgumentNullException(nameof(timestamp));
        }

        if (secret is null)
        {
            throw new ArgumentNullException(nameof(secret));
        }

        Span<byte> hash = stackalloc byte[32];
        ComputeHash(Encoding.UTF8.GetBytes(appId), body, timestamp, Encoding.UTF8.GetBytes(secret), hash);
        var sb = new StringBuilder(Prefix.Length + 64).Append(Prefix);
        foreach (var b in hash)
        {
            sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Signs a body the way Zalo does, reading its <c>timestamp</c> field: the value of <c>X-ZEvent-Signature</c>.
    /// </summary>
    /// <param name="appId">The app id.</param>
    /// <param name="body">The raw body (a JSON object with a <c>timestamp</c>).</param>
    /// <param name="secret">The secret.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="FormatException">The body is not a JSON object with a <c>timestamp</c>.</exception>
    public static string Sign(string appId, ReadOnlySpan<byte> body, string secret)
    {
        var failure = ReadTimestamp(body, out var timestampText, out _);
        return failure is null ? ComputeSignature(appId, body, timestampText!, secret) : throw new FormatException(failure.Reason);
    }

    private static void ComputeHash(byte[] appId, ReadOnlySpan<byte> body, string timestamp, byte[] secret, Span<byte> destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(appId);
#if NET
        hash.AppendData(body);
#else
        hash.AppendData(body.ToArray());
#endif
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(secret);
        hash.GetHashAndReset().AsSpan().CopyTo(destination);
    }

    private static bool TryParseHeader(string header, Span<byte> destination)
    {
        var value = header.AsSpan().Trim();
        if (value.Length != Prefix.Length + 64 || !value.Slice(0, Prefix.Length).Equals(Prefix.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = value.Slice(Prefix.Length);
        for (var i = 0; i < 32; i++)
        {
            var hi = HexValue(hex[2 * i]);
            var lo = HexValue(hex[(2 * i) + 1]);
            if (hi < 0 || lo < 0)
            {
                return false;
            }

            destination[i] = (byte)((hi << 4) | lo);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    private static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
#if NET
        return CryptographicOperations.FixedTimeEquals(left, right);
#else
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
#endif
    }

    /// <summary>Reads the top-level <c>timestamp</c> (a string or a number of epoch milliseconds) without building a document.</summary>
    private static ZaloWebhookVerification? ReadTimestamp(ReadOnlySpan<byte> body, out string? text, out DateTimeOffset timestamp)
    {
        text = null;
        timestamp = default;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new ZaloWebhookVerification(ZaloWebhookFailure.InvalidJson, "The body is not a JSON object.");
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    text = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
                        _ => null,
                    };
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
            {
                return new ZaloWebhookVerification(ZaloWebhookFailure.InvalidJson, "The body is not a complete JSON object (truncated?).");
            }
        }
        catch (JsonException ex)
        {
            return new ZaloWebhookVerification(ZaloWebhookFailure.InvalidJson, $"The body is not valid JSON ({ex.Message.Split('\n')[0].Trim()}).");
        }

        if (text is null || !ZaloWebhookParser.TryParseEpochMilliseconds(text, out timestamp))
        {
            text = null;
            return new ZaloWebhookVerification(ZaloWebhookFailure.MissingTimestamp, "The body has no 'timestamp' in epoch milliseconds.");
        }

        return null;
    }
}
