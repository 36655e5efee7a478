using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// The content of an OA message (v3): text, image, GIF, file, list, request for user information, or a template.
/// Every factory checks Zalo's documented limits (<see cref="ZaloLimits"/>) and throws
/// <see cref="ArgumentException"/> naming the field and the limit, so nothing invalid is ever sent.
/// </summary>
public sealed class ZaloMessage
{
    private readonly MessageDto _dto;

    private ZaloMessage(ZaloMessageKind kind, MessageDto dto)
    {
        Kind = kind;
        _dto = dto;
    }

    /// <summary>What the message carries.</summary>
    public ZaloMessageKind Kind { get; }

    /// <summary>The text of a text message.</summary>
    public string? Text => _dto.Text;

    /// <summary>A text message, optionally quoting an earlier message.</summary>
    /// <param name="text">1–2,000 characters.</param>
    /// <param name="quoteMessageId">The id of the message to quote, if any.</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateText(string text, string? quoteMessageId = null)
    {
        Guard.NotNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("text must not be empty.", nameof(text));
        }

        if (text.Length > ZaloLimits.MaxTextLength)
        {
            throw new ArgumentException($"text is {text.Length} characters long; the limit is {ZaloLimits.MaxTextLength}.", nameof(text));
        }

        if (quoteMessageId is not null && string.IsNullOrWhiteSpace(quoteMessageId))
        {
            throw new ArgumentException("quoteMessageId must not be empty when given.", nameof(quoteMessageId));
        }

        return new(ZaloMessageKind.Text, new MessageDto { Text = text, QuoteMessageId = quoteMessageId });
    }

    /// <summary>An image by URL.</summary>
    /// <param name="imageUrl">An absolute http(s) URL of a JPG or PNG.</param>
    /// <param name="text">An optional caption (at most 2,000 characters).</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateImage(Uri imageUrl, string? text = null)
        => Media(ZaloMessageKind.Image, new ElementDto { MediaType = "image", Url = CheckUrl(imageUrl, nameof(imageUrl)) }, text);

    /// <summary>An image uploaded before (<c>upload/image</c>), by its attachment id.</summary>
    /// <param name="attachmentId">The attachment id (valid 7 days after upload).</param>
    /// <param name="text">An optional caption.</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateImageFromAttachment(string attachmentId, string? text = null)
        => Media(ZaloMessageKind.Image, new ElementDto { MediaType = "image", AttachmentId = CheckToken(attachmentId, nameof(attachmentId)) }, text);

    /// <summary>A GIF by URL; Zalo needs its size.</summary>
    /// <param name="gifUrl">An absolute http(s) URL.</param>
    /// <param name="width">Width in pixels (1–4,096).</param>
    /// <param name="height">Height in pixels (1–4,096).</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateGif(Uri gifUrl, int width, int height)
        => Media(ZaloMessageKind.Gif, new ElementDto { MediaType = "gif", Url = CheckUrl(gifUrl, nameof(gifUrl)), Width = CheckSize(width, nameof(width)), Height = CheckSize(height, nameof(height)) }, null);

    /// <summary>A GIF uploaded before (<c>upload/gif</c>), by its attachment id; Zalo needs its size.</summary>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="width">Width in pixels (1–4,096).</param>
    /// <param name="height">Height in pixels (1–4,096).</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateGifFromAttachment(string attachmentId, int width, int height)
        => Media(ZaloMessageKind.Gif, new ElementDto { MediaType = "gif", AttachmentId = CheckToken(attachmentId, nameof(attachmentId)), Width = CheckSize(width, nameof(width)), Height = CheckSize(height, nameof(height)) }, null);

    /// <summary>A file uploaded before (<c>upload/file</c>: PDF, DOC, DOCX up to 5 MB), by its token.</summary>
    /// <param name="fileToken">The file token (valid 7 days after upload).</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateFile(string fileToken)
        => new(ZaloMessageKind.File, new MessageDto { Attachment = new AttachmentDto { Type = "file", Payload = new PayloadDto { Token = CheckToken(fileToken, nameof(fileToken)) } } });

    /// <summary>A list of 1–5 rows with up to 5 buttons.</summary>
    /// <param name="elements">The rows.</param>
    /// <param name="buttons">The buttons, if any.</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateList(IEnumerable<ZaloListElement> elements, IEnumerable<ZaloButton>? buttons = null)
    {
        var rows = Guard.NotNull(elements).ToList();
        if (rows.Count is 0 or > ZaloLimits.MaxListElements)
        {
            throw new ArgumentException($"elements has {rows.Count} items; a list needs 1 to {ZaloLimits.MaxListElements}.", nameof(elements));
        }

        if (rows.Any(r => r is null))
        {
            throw new ArgumentException("elements must not contain null.", nameof(elements));
        }

        var buttonList = buttons?.ToList() ?? new List<ZaloButton>();
        if (buttonList.Count > ZaloLimits.MaxButtons)
        {
            throw new ArgumentException($"buttons has {buttonList.Count} items; the limit is {ZaloLimits.MaxButtons}.", nameof(buttons));
        }

        if (buttonList.Any(b => b is null))
        {
            throw new ArgumentException("buttons must not contain null.", nameof(buttons));
        }

        return new(ZaloMessageKind.List, new MessageDto
        {
            Attachment = new AttachmentDto
            {
                Payload = new PayloadDto
                {
                    TemplateType = "list",
                    Elements = rows.Select(r => new ElementDto { Title = r.Title, Subtitle = r.Subtitle, ImageUrl = r.ImageUrl?.AbsoluteUri, DefaultAction = r.DefaultAction?.ToDto() }).ToList(),
                    Buttons = buttonList.Count == 0 ? null : buttonList.Select(b => b.ToDto()).ToList(),
                },
            },
        });
    }

    /// <summary>A request for the user's information (name, phone, address); Zalo allows exactly one element.</summary>
    /// <param name="title">The title (1–100 characters).</param>
    /// <param name="subtitle">The subtitle (1–500 characters).</param>
    /// <param name="imageUrl">An absolute http(s) image URL.</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateRequestUserInfo(string title, string subtitle, Uri imageUrl)
    {
        var element = new ZaloListElement(title, Guard.NotNullOrWhiteSpace(subtitle), Guard.NotNull(imageUrl));
        return new(ZaloMessageKind.RequestUserInfo, new MessageDto
        {
            Attachment = new AttachmentDto
            {
                Payload = new PayloadDto
                {
                    TemplateType = "request_user_info",
                    Elements = new List<ElementDto> { new() { Title = element.Title, Subtitle = element.Subtitle, ImageUrl = element.ImageUrl!.AbsoluteUri } },
                },
            },
        });
    }

    /// <summary>A ZBS template sent by user id (<c>message/template</c>).</summary>
    /// <param name="templateId">The approved template id.</param>
    /// <param name="templateData">The template's parameters.</param>
    /// <returns>The message.</returns>
    public static ZaloMessage CreateTemplate(string templateId, IReadOnlyDictionary<string, string> templateData)
    {
        CheckToken(templateId, nameof(templateId));
        Guard.NotNull(templateData);
        foreach (var pair in templateData)
        {
            if (string.IsNullOrWhiteSpace(pair.Key) || pair.Value is null)
            {
                throw new ArgumentException("templateData keys must not be empty and values must not be null.", nameof(templateData));
            }
        }

        return new(ZaloMessageKind.Template, new MessageDto
        {
            Attachment = new AttachmentDto
            {
                Payload = new PayloadDto { TemplateId = templateId, TemplateData = templateData.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) },
            },
        });
    }

    internal MessageDto ToDto() => _dto;

    private static ZaloMessage Media(ZaloMessageKind kind, ElementDto element, string? text)
    {
        if (text is { Length: > ZaloLimits.MaxTextLength })
        {
            throw new ArgumentException($"text is {text.Length} characters long; the limit is {ZaloLimits.MaxTextLength}.", nameof(text));
        }

        return new(kind, new MessageDto
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Attachment = new AttachmentDto { Payload = new PayloadDto { TemplateType = "media", Elements = new List<ElementDto> { element } } },
        });
    }

    private static string CheckUrl(Uri url, string name)
    {
        Guard.NotNull(url, name);
        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url.AbsoluteUri
            : throw new ArgumentException($"{name} must be an absolute http or https URL.", name);
    }

    private static string CheckToken(string value, string name)
    {
        Guard.NotNullOrWhiteSpace(value, name);
        return value.Length <= 512 ? value : throw new ArgumentException($"{name} is {value.Length} characters long; the limit is 512.", name);
    }

    private static int CheckSize(int value, string name)
        => value is >= 1 and <= 4096 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 1 and 4096 pixels.");
}
