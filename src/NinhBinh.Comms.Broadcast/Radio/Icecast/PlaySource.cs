using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>
/// A URL checked to be playable audio before it is sent to speakers: an audio file or stream (<c>audio/*</c>,
/// <c>application/ogg</c>), an Icecast mount with a source streaming to it, or an M3U/M3U8 playlist
/// (<c>audio/x-mpegurl</c>, <c>.m3u</c>, <c>.m3u8</c>) resolved to its first entry, which must itself be playable.
/// </summary>
/// <remarks>
/// The check is a GET whose body is not read (a stream never ends), except for playlists, of which at most 64 KB are
/// read. Playlists nest at most two levels (an HLS master playlist and its media playlist).
/// </remarks>
public sealed class PlaySource
{
    private const int MaxPlaylistBytes = 64 * 1024;
    private const int MaxPlaylistDepth = 2;

    private static readonly string[] PlaylistTypes = ["audio/x-mpegurl", "audio/mpegurl", "application/x-mpegurl", "application/vnd.apple.mpegurl", "application/mpegurl"];

    private PlaySource(Uri url, Uri audioUrl, string contentType, bool isPlaylist, bool isStream)
    {
        Url = url;
        AudioUrl = audioUrl;
        ContentType = contentType;
        IsPlaylist = isPlaylist;
        IsStream = isStream;
    }

    /// <summary>The URL as given.</summary>
    public Uri Url { get; }

    /// <summary>The audio itself: <see cref="Url"/>, or a playlist's first entry.</summary>
    public Uri AudioUrl { get; }

    /// <summary>The audio's content type, for example <c>audio/mpeg</c>.</summary>
    public string ContentType { get; }

    /// <summary>Whether <see cref="Url"/> is a playlist.</summary>
    public bool IsPlaylist { get; }

    /// <summary>Whether the audio is a live stream (an Icecast/Shoutcast mount: <c>icy-*</c> headers or no length).</summary>
    public bool IsStream { get; }

    /// <summary>Checks that a URL is playable audio, resolving playlists.</summary>
    /// <param name="url">An http or https URL.</param>
    /// <param name="httpClient">The client to use, or <see langword="null"/> for a new one (10 s timeout).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The playable source.</returns>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
    /// <exception cref="PlaySourceException">The URL is not playable audio; the message says what it is.</exception>
    public static async Task<PlaySource> ResolveAsync(Uri url, HttpClient? httpClient = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != "http" && url.Scheme != "https"))
        {
            throw new ArgumentException("The play source must be an absolute http:// or https:// URL.", nameof(url));
        }

        var owned = httpClient is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(10) } : null;
        try
        {
            return await ResolveAsync(url, url, owned ?? httpClient!, 0, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private static async Task<PlaySource> ResolveAsync(Uri given, Uri url, HttpClient http, int depth, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HttpFailure.IsConnectionFailure(ex))
        {
            throw Fail(url, null, 0, "could not be reached (" + ex.Message + ")", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(url, null, 0, "did not answer in time", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            if (!response.IsSuccessStatusCode)
            {
                throw Fail(url, contentType, status, status == 404 ? "was not found (404; for an Icecast mount: no source is streaming to it)" : $"was refused ({status} {response.ReasonPhrase})", null);
            }

            var path = url.AbsolutePath.ToLowerInvariant();
            var byName = path.EndsWith(".m3u", StringComparison.Ordinal) || path.EndsWith(".m3u8", StringComparison.Ordinal);
            if ((contentType is not null && PlaylistTypes.Contains(contentType)) || (byName && contentType is null or "text/plain" or "application/octet-stream"))
            {
                if (depth >= MaxPlaylistDepth)
                {
                    throw Fail(url, contentType, status, $"is a playlist nested more than {MaxPlaylistDepth} levels deep", null);
                }

                var entry = await FirstEntryAsync(response, url, cancellationToken).ConfigureAwait(false)
                    ?? throw Fail(url, contentType, status, "is a playlist without an http or https entry", null);
                var audio = await ResolveAsync(given, entry, http, depth + 1, cancellationToken).ConfigureAwait(false);
                return new PlaySource(given, audio.AudioUrl, audio.ContentType, isPlaylist: true, audio.IsStream);
            }

            if (contentType is null || !(contentType.StartsWith("audio/", StringComparison.Ordinal) || contentType == "application/ogg"))
            {
                throw Fail(url, contentType, status, contentType is null ? "is not audio (the server gives no content type)" : $"is not audio (the server says {contentType})", null);
            }

            var isStream = response.Headers.Any(h => h.Key.StartsWith("icy-", StringComparison.OrdinalIgnoreCase))
                || response.Content.Headers.Any(h => h.Key.StartsWith("icy-", StringComparison.OrdinalIgnoreCase))
                || response.Content.Headers.ContentLength is null;
            return new PlaySource(given, url, contentType, isPlaylist: false, isStream);
        }
    }

    private static async Task<Uri?> FirstEntryAsync(HttpResponseMessage response, Uri playlist, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var buffer = new byte[MaxPlaylistBytes];
        var length = 0;
        while (length < buffer.Length)
        {
#if NET8_0_OR_GREATER
            var n = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
            var n = await body.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
            if (n == 0)
            {
                break;
            }

            length += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        using var reader = new StringReader(text);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var entry = line.Trim().TrimStart('\uFEFF');
            if (entry.Length == 0 || entry[0] == '#')
            {
                continue;
            }

            return Uri.TryCreate(playlist, entry, out var resolved) && (resolved.Scheme == "http" || resolved.Scheme == "https") ? resolved : null;
        }

        return null;
    }

    private static PlaySourceException Fail(Uri url, string? contentType, int status, string what, Exception? inner)
        => new($"The play source {Shown(url)} {what}.", inner)
        {
            Channel = "radio",
            Url = url,
            ContentType = contentType,
            Status = status,
            IsTransient = status == 0 || status >= 500,
        };

    /// <summary>The URL without user information or query (which may carry tokens).</summary>
    private static string Shown(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
