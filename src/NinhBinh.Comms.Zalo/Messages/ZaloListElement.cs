using System;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>One row of a list message.</summary>
public sealed class ZaloListElement
{
    /// <summary>Creates a row.</summary>
    /// <param name="title">The title (1–100 characters).</param>
    /// <param name="subtitle">The subtitle (at most 500 characters), if any.</param>
    /// <param name="imageUrl">An absolute http(s) image URL, if any.</param>
    /// <param name="defaultAction">What a tap on the row does, if anything.</param>
    public ZaloListElement(string title, string? subtitle = null, Uri? imageUrl = null, ZaloButton? defaultAction = null)
    {
        Guard.NotNullOrWhiteSpace(title);
        if (title.Length > 100)
        {
            throw new ArgumentException($"title is {title.Length} characters long; the limit is 100.", nameof(title));
        }

        if (subtitle is { Length: > 500 })
        {
            throw new ArgumentException($"subtitle is {subtitle.Length} characters long; the limit is 500.", nameof(subtitle));
        }

        if (imageUrl is not null && (!imageUrl.IsAbsoluteUri || (imageUrl.Scheme != Uri.UriSchemeHttp && imageUrl.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException("imageUrl must be an absolute http or https URL.", nameof(imageUrl));
        }

        Title = title;
        Subtitle = subtitle;
        ImageUrl = imageUrl;
        DefaultAction = defaultAction;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The subtitle.</summary>
    public string? Subtitle { get; }

    /// <summary>The image URL.</summary>
    public Uri? ImageUrl { get; }

    /// <summary>What a tap on the row does.</summary>
    public ZaloButton? DefaultAction { get; }
}
