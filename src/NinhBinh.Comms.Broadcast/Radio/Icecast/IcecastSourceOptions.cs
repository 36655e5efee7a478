using System;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>
/// Options of <see cref="IcecastSourceClient"/> (configuration section <c>Broadcast:Icecast</c>): the server, the mount,
/// the source credentials, the stream's content type and ice-* metadata, and the reconnect backoff. Checked when the
/// client is created; a bad value is an <see cref="ArgumentException"/> naming the option and the rule.
/// </summary>
public sealed class IcecastSourceOptions
{
    /// <summary>The largest length of a text header value (<see cref="Name"/>, <see cref="Description"/>, …): 256 characters.</summary>
    public const int MaxHeaderValueLength = 256;

    /// <summary>The largest length of <see cref="Mount"/>: 255 characters.</summary>
    public const int MaxMountLength = 255;

    /// <summary>The Icecast server, <c>http://host:port</c> or <c>https://host:port</c>, without a user or password in it.</summary>
    public Uri? Server { get; set; }

    /// <summary>The mount point, starting with <c>/</c>, for example <c>/phuong-hoa-lu.mp3</c>.</summary>
    public string? Mount { get; set; }

    /// <summary>The source user, <c>source</c> by default.</summary>
    public string Username { get; set; } = "source";

    /// <summary>The source password; never logged nor put in an exception message.</summary>
    public string? Password { get; set; }

    /// <summary>The stream's content type: <c>audio/mpeg</c> by default; <c>audio/ogg</c>, <c>audio/aac</c>, … as the server allows.</summary>
    public string ContentType { get; set; } = "audio/mpeg";

    /// <summary>The stream's name (<c>ice-name</c>), or <see langword="null"/>.</summary>
    public string? Name { get; set; }

    /// <summary>The stream's description (<c>ice-description</c>), or <see langword="null"/>.</summary>
    public string? Description { get; set; }

    /// <summary>The stream's genre (<c>ice-genre</c>), or <see langword="null"/>.</summary>
    public string? Genre { get; set; }

    /// <summary>Whether the server may list the stream in public directories (<c>ice-public</c>); <see langword="false"/> by default.</summary>
    public bool Public { get; set; }

    /// <summary>The bitrate in kbit/s announced in <c>ice-bitrate</c>, or <see langword="null"/>.</summary>
    public int? Bitrate { get; set; }

    /// <summary>The <c>ice-audio-info</c> value, for example <c>channels=1;samplerate=44100;bitrate=64</c>, or <see langword="null"/>.</summary>
    public string? AudioInfo { get; set; }

    /// <summary>How long to wait for the connection and the server's answer to the source request. 10 s by default.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first reconnect after the connection dropped mid-stream; doubled after each failed attempt. 1 s by default.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two reconnect attempts. 30 s by default.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many reconnect attempts in a row before giving up (0: never reconnect). 10 by default.</summary>
    public int ReconnectAttempts { get; set; } = 10;

    /// <summary>A copy of these options.</summary>
    /// <returns>The copy.</returns>
    public IcecastSourceOptions Clone() => (IcecastSourceOptions)MemberwiseClone();

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">An option is missing or breaks its rule; the message names it (never the password).</exception>
    public void Validate()
    {
        const string Param = "options";
        if (Server is null)
        {
            throw new ArgumentException("IcecastSourceOptions.Server is required: http://host:port or https://host:port.", Param);
        }

        if (!Server.IsAbsoluteUri || (Server.Scheme != "http" && Server.Scheme != "https"))
        {
            throw new ArgumentException("IcecastSourceOptions.Server must be an absolute http:// or https:// URI.", Param);
        }

        if (!string.IsNullOrEmpty(Server.UserInfo))
        {
            throw new ArgumentException("IcecastSourceOptions.Server must not carry a user or password; set Username and Password instead.", Param);
        }

        if (Server.AbsolutePath != "/" || !string.IsNullOrEmpty(Server.Query) || !string.IsNullOrEmpty(Server.Fragment))
        {
            throw new ArgumentException("IcecastSourceOptions.Server must be the server only (http://host:port), without a path; the mount goes in Mount.", Param);
        }

        if (string.IsNullOrEmpty(Mount) || Mount![0] != '/' || Mount.Length < 2)
        {
            throw new ArgumentException($"IcecastSourceOptions.Mount must start with '/' and name a mount, for example /radio.mp3 (got '{Mount}').", Param);
        }

        if (Mount.Length > MaxMountLength)
        {
            throw new ArgumentException($"IcecastSourceOptions.Mount is {Mount.Length} characters; at most {MaxMountLength}.", Param);
        }

        foreach (var c in Mount)
        {
            if (c <= ' ' || c >= 0x7F || c is '?' or '#' or '%' or '\\' or '"')
            {
                throw new ArgumentException("IcecastSourceOptions.Mount may contain only printable ASCII without spaces, '?', '#', '%', '\\' or '\"'.", Param);
            }
        }

        if (string.IsNullOrEmpty(Username) || Username.IndexOf(':') >= 0 || HasControl(Username))
        {
            throw new ArgumentException("IcecastSourceOptions.Username is required and must not contain ':' or control characters.", Param);
        }

        if (string.IsNullOrEmpty(Password))
        {
            throw new ArgumentException("IcecastSourceOptions.Password is required (the server's source password).", Param);
        }

        if (HasControl(Password!))
        {
            throw new ArgumentException("IcecastSourceOptions.Password must not contain control characters.", Param);
        }

        var slash = ContentType?.IndexOf('/') ?? -1;
        if (string.IsNullOrEmpty(ContentType) || slash <= 0 || slash == ContentType!.Length - 1 || ContentType.IndexOf(' ') >= 0 || HasControl(ContentType) || ContentType.Length > MaxHeaderValueLength)
        {
            throw new ArgumentException($"IcecastSourceOptions.ContentType must be a media type such as audio/mpeg or audio/ogg (got '{ContentType}').", Param);
        }

        CheckText(Name, nameof(Name));
        CheckText(Description, nameof(Description));
        CheckText(Genre, nameof(Genre));
        CheckText(AudioInfo, nameof(AudioInfo));
        if (Bitrate is <= 0 or > 10_000)
        {
            throw new ArgumentException($"IcecastSourceOptions.Bitrate must be 1 to 10000 kbit/s (got {Bitrate}).", Param);
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("IcecastSourceOptions.ConnectTimeout must be positive.", Param);
        }

        if (ReconnectInitialDelay <= TimeSpan.Zero)
        {
            throw new ArgumentException("IcecastSourceOptions.ReconnectInitialDelay must be positive.", Param);
        }

        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            throw new ArgumentException("IcecastSourceOptions.ReconnectMaxDelay must be at least ReconnectInitialDelay.", Param);
        }

        if (ReconnectAttempts is < 0 or > 1000)
        {
            throw new ArgumentException($"IcecastSourceOptions.ReconnectAttempts must be 0 to 1000 (got {ReconnectAttempts}).", Param);
        }

        static void CheckText(string? value, string option)
        {
            if (value is null)
            {
                return;
            }

            if (value.Length > MaxHeaderValueLength)
            {
                throw new ArgumentException($"IcecastSourceOptions.{option} is {value.Length} characters; at most {MaxHeaderValueLength}.", Param);
            }

            if (HasControl(value))
            {
                throw new ArgumentException($"IcecastSourceOptions.{option} must not contain line breaks or control characters.", Param);
            }
        }
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
