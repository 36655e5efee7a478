using System;
using System.Globalization;

namespace NinhBinh.Comms.Broadcast.Boards.Anthias;

/// <summary>
/// Settings of one Anthias player (one screen), bound from the configuration section <see cref="SectionName"/>
/// (<c>Boards:Anthias</c>). Checked when an <see cref="AnthiasBoardSystem"/> is created; an invalid value throws an
/// <see cref="ArgumentException"/> naming the option and the rule.
/// </summary>
public sealed class AnthiasOptions
{
    /// <summary>The configuration section: <c>Boards:Anthias</c>.</summary>
    public const string SectionName = "Boards:Anthias";

    /// <summary>The longest <see cref="DisplayId"/>, in characters.</summary>
    public const int MaxDisplayIdLength = 64;

    /// <summary>The device's root, e.g. <c>http://192.168.1.20/</c> (required); the API is under <c>/api/v2/</c>. No user name or password in it.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The user name when the device has basic authentication on (<c>auth_backend=auth_basic</c>); else <see langword="null"/>.</summary>
    public string? User { get; set; }

    /// <summary>The password that goes with <see cref="User"/>. Never logged nor put in an exception message.</summary>
    public string? Password { get; set; }

    /// <summary>The id of the player's one display, which is also its target id (1–64 characters, no white space); <c>anthias</c> by default.</summary>
    public string DisplayId { get; set; } = "anthias";

    /// <summary>The display's name as results show it; <see cref="DisplayId"/> when not set.</summary>
    public string? DisplayName { get; set; }

    /// <summary>How long one request may take before the device counts as unreachable (1 second to 5 minutes); 10 seconds by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The width in pixels of the PNG a text bulletin is rendered to (320–7680); 1920 by default.</summary>
    public int RenderWidth { get; set; } = 1920;

    /// <summary>The height in pixels of the PNG a text bulletin is rendered to (240–7680); 1080 by default.</summary>
    public int RenderHeight { get; set; } = 1080;

    /// <summary>
    /// Whether the adapter checks an image, video or web page URL itself (HEAD, then GET when HEAD is refused) before
    /// it asks the device to show it; <see langword="true"/> by default. Set it to <see langword="false"/> when the media
    /// is reachable from the device but not from where the adapter runs.
    /// </summary>
    public bool CheckMedia { get; set; } = true;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it (for example <c>Boards:Anthias:BaseUrl</c>).</exception>
    public void Validate()
    {
        if (BaseUrl is null)
        {
            throw Invalid(nameof(BaseUrl), "is required (the device's root, e.g. http://192.168.1.20/).");
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid(nameof(BaseUrl), "must be an absolute http or https URL.");
        }

        if (!string.IsNullOrEmpty(BaseUrl.UserInfo))
        {
            throw Invalid(nameof(BaseUrl), "must not hold a user name or password; set User and Password instead.");
        }

        if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment))
        {
            throw Invalid(nameof(BaseUrl), "must not have a query or fragment.");
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            throw Invalid(string.IsNullOrEmpty(User) ? nameof(User) : nameof(Password), "User and Password are set together or not at all.");
        }

        if (User is not null && User.IndexOf(':') >= 0)
        {
            throw Invalid(nameof(User), "must not contain ':' (basic authentication cannot carry it).");
        }

        if (string.IsNullOrWhiteSpace(DisplayId))
        {
            throw Invalid(nameof(DisplayId), "is empty.");
        }

        if (DisplayId.Length > MaxDisplayIdLength)
        {
            throw Invalid(nameof(DisplayId), $"{DisplayId.Length} characters, over the limit of {MaxDisplayIdLength}.");
        }

        foreach (var c in DisplayId)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw Invalid(nameof(DisplayId), "must not contain white space.");
            }
        }

        if (RequestTimeout < TimeSpan.FromSeconds(1) || RequestTimeout > TimeSpan.FromMinutes(5))
        {
            throw Invalid(nameof(RequestTimeout), $"{RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s is outside 1 second to 5 minutes.");
        }

        if (RenderWidth is < 320 or > 7680)
        {
            throw Invalid(nameof(RenderWidth), $"{RenderWidth.ToString(CultureInfo.InvariantCulture)} is outside 320 to 7680 pixels.");
        }

        if (RenderHeight is < 240 or > 7680)
        {
            throw Invalid(nameof(RenderHeight), $"{RenderHeight.ToString(CultureInfo.InvariantCulture)} is outside 240 to 7680 pixels.");
        }
    }

    private static ArgumentException Invalid(string option, string rule) => new($"{SectionName}:{option}: {rule}", option);
}
