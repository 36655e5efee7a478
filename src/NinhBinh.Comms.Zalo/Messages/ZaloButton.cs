using System;
using System.Text.Json;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>A button of a list message (or an element's default action).</summary>
public sealed class ZaloButton
{
    private ZaloButton(string title, ZaloButtonType type, JsonElement payload)
    {
        Title = title;
        Type = type;
        Payload = payload;
    }

    /// <summary>The label.</summary>
    public string Title { get; }

    /// <summary>The action (sent to Zalo as its wire name, for example <c>oa.open.url</c> for <see cref="ZaloButtonType.OpenUrl"/>).</summary>
    public ZaloButtonType Type { get; }

    internal JsonElement Payload { get; }

    /// <summary>Opens a web page.</summary>
    /// <param name="title">The label.</param>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <returns>The button.</returns>
    public static ZaloButton OpenUrl(string title, Uri url)
    {
        Guard.NotNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("url must be an absolute http or https URL.", nameof(url));
        }

        return new(CheckTitle(title), ZaloButtonType.OpenUrl, Element(new ButtonPayloadDto { Url = url.AbsoluteUri }));
    }

    /// <summary>Sends <paramref name="payload"/> back to the OA as a query the user's chat shows.</summary>
    /// <param name="title">The label.</param>
    /// <param name="payload">The query text (1–1,000 characters).</param>
    /// <returns>The button.</returns>
    public static ZaloButton QueryShow(string title, string payload) => new(CheckTitle(title), ZaloButtonType.QueryShow, Query(payload));

    /// <summary>Sends <paramref name="payload"/> back to the OA as a query the user's chat hides.</summary>
    /// <param name="title">The label.</param>
    /// <param name="payload">The query text (1–1,000 characters).</param>
    /// <returns>The button.</returns>
    public static ZaloButton QueryHide(string title, string payload) => new(CheckTitle(title), ZaloButtonType.QueryHide, Query(payload));

    /// <summary>Calls a phone number.</summary>
    /// <param name="title">The label.</param>
    /// <param name="phoneNumber">The number (digits, optionally starting with +).</param>
    /// <returns>The button.</returns>
    public static ZaloButton OpenPhone(string title, string phoneNumber)
        => new(CheckTitle(title), ZaloButtonType.OpenPhone, Element(new ButtonPayloadDto { PhoneCode = CheckPhone(phoneNumber) }));

    /// <summary>Opens an SMS to a number with a prepared text.</summary>
    /// <param name="title">The label.</param>
    /// <param name="phoneNumber">The number (digits, optionally starting with +).</param>
    /// <param name="content">The SMS text.</param>
    /// <returns>The button.</returns>
    public static ZaloButton OpenSms(string title, string phoneNumber, string content)
        => new(CheckTitle(title), ZaloButtonType.OpenSms, Element(new ButtonPayloadDto { PhoneCode = CheckPhone(phoneNumber), Content = Guard.NotNullOrWhiteSpace(content) }));

    internal ButtonDto ToDto() => new() { Title = Title, Type = ZaloWireNames.ButtonType(Type), Payload = Payload };

    private static string CheckTitle(string title)
    {
        Guard.NotNullOrWhiteSpace(title);
        return title.Length <= 100 ? title : throw new ArgumentException($"title is {title.Length} characters long; the limit is 100.", nameof(title));
    }

    private static JsonElement Query(string payload)
    {
        Guard.NotNullOrWhiteSpace(payload);
        if (payload.Length > 1_000)
        {
            throw new ArgumentException($"payload is {payload.Length} characters long; the limit is 1000.", nameof(payload));
        }

        return JsonSerializer.SerializeToElement(payload, ZaloJsonContext.Default.String);
    }

    private static string CheckPhone(string phoneNumber)
    {
        Guard.NotNullOrWhiteSpace(phoneNumber);
        var digits = phoneNumber.Length > 0 && phoneNumber[0] == '+' ? phoneNumber.Substring(1) : phoneNumber;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                throw new ArgumentException("phoneNumber must be digits, optionally starting with +.", nameof(phoneNumber));
            }
        }

        return digits.Length is >= 3 and <= 15 ? phoneNumber : throw new ArgumentException("phoneNumber must have 3–15 digits.", nameof(phoneNumber));
    }

    private static JsonElement Element(ButtonPayloadDto payload) => JsonSerializer.SerializeToElement(payload, ZaloJsonContext.Default.ButtonPayloadDto);
}
