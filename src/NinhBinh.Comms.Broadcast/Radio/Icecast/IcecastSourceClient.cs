using System;
using System.Globalization;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NinhBinh.Comms.Internal;

// The array-based Stream overloads are used on purpose: the same source compiles for netstandard2.0, which lacks the Memory ones.
#pragma warning disable CA1835, CA1844

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>
/// An Icecast (2.4 and later) source client: streams a live <see cref="Stream"/> or a file to a mount with the source
/// protocol (<c>PUT /mount</c>, Basic authentication, <c>Expect: 100-continue</c>, <c>ice-*</c> headers, the audio as the
/// raw request body), and reconnects with backoff when the connection drops mid-stream, continuing with the next unsent
/// byte. Immutable and thread-safe: one client can run several streams (to different mounts of its options' server, one
/// per call).
/// </summary>
/// <remarks>
/// <para>The request body is raw, neither chunked nor of a declared length, because Icecast 2.4 does not decode a chunked
/// body (the chunk framing would reach the listeners) and never sends a final response to a source. That is why the
/// client speaks HTTP/1.1 on its own TCP (or TLS) connection instead of through <c>HttpClient</c>; it works the same on
/// net10.0 and netstandard2.0.</para>
/// <para>Reconnect rule: after the server accepted the source, a dropped connection (the server closed it, restarted or
/// became unreachable) is made again after <see cref="IcecastSourceOptions.ReconnectInitialDelay"/>, doubled after each
/// failed attempt up to <see cref="IcecastSourceOptions.ReconnectMaxDelay"/>, at most
/// <see cref="IcecastSourceOptions.ReconnectAttempts"/> times in a row. Connection failures, 403 (the server may still hold
/// the dropped source for a moment) and 5xx are retried; 401 and 404 end the stream at once. The stream continues with
/// the first byte that was not written to the dropped connection; bytes written but still in the network buffers when the
/// server died are lost (a fraction of a second of audio). The first connection is not retried: its failure is thrown.</para>
/// </remarks>
public class IcecastSourceClient
{
    private const int LiveBufferSize = 16 * 1024;
    private const int MaxResponseHead = 8 * 1024;

    private readonly IcecastSourceOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<Uri, CancellationToken, Task<Stream>> _connect;
    private readonly Uri _server;
    private readonly string _mount;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The server, mount, credentials and stream metadata; copied and checked.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for pacing and reconnect delays, or <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid; the message names it.</exception>
    public IcecastSourceClient(IcecastSourceOptions options, ILogger<IcecastSourceClient>? logger = null, TimeProvider? timeProvider = null)
        : this(options, logger, timeProvider, null)
    {
    }

    /// <summary>Creates a client with its own way to open connections (tests).</summary>
    internal IcecastSourceClient(IcecastSourceOptions options, ILogger? logger, TimeProvider? timeProvider, Func<Uri, CancellationToken, Task<Stream>>? connect)
    {
        Guard.NotNull(options);
        _options = options.Clone();
        _options.Validate();
        _server = _options.Server!;
        _mount = _options.Mount!;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _connect = connect ?? ConnectTcpAsync;
    }

    /// <summary>For mocking.</summary>
    protected IcecastSourceClient()
    {
        _options = new IcecastSourceOptions();
        _server = new Uri("http://localhost/");
        _mount = "/";
        _logger = NullLogger.Instance;
        _time = TimeProvider.System;
        _connect = ConnectTcpAsync;
    }

    /// <summary>The URL listeners open: the server and the mount (what speakers are told to play).</summary>
    public virtual Uri MountUrl => new(_server, _mount);

    /// <summary>
    /// Streams a live source to the mount: reads and sends until the source ends or the call is cancelled. Nothing is
    /// paced: the source provides real-time pacing (a microphone, an encoder's output, a pipe).
    /// </summary>
    /// <param name="source">The audio, in the options' content type.</param>
    /// <param name="progress">Receives connected, sent, reconnecting, reconnected and completed reports, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the stream (the connection is closed at once).</param>
    /// <returns>The bytes sent and the reconnects.</returns>
    /// <exception cref="IcecastException">The server refused the source (401, 403, 404, …), could not be reached, or reconnect attempts ran out.</exception>
    /// <exception cref="OperationCanceledException">The call was cancelled.</exception>
    public virtual Task<IcecastStreamResult> StreamAsync(Stream source, IProgress<IcecastStreamProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream must be readable.", nameof(source));
        }

        return RunAsync(source, LiveBufferSize, pacer: null, progress, cancellationToken);
    }

    /// <summary>
    /// Streams a file to the mount, paced so that listeners are not flooded: by default at the bitrate of the file's first
    /// MPEG audio frame header. After a reconnect the file continues from the byte offset where it stopped.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="pacing"><see cref="IcecastPacing.Auto"/> (the default), <see cref="IcecastPacing.FromBytesPerSecond"/> or <see cref="IcecastPacing.None"/>.</param>
    /// <param name="progress">Receives connected, sent, reconnecting, reconnected and completed reports, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The bytes sent and the reconnects.</returns>
    /// <exception cref="ArgumentException">The path is empty, or the pacing is automatic and the file has no MPEG audio frame header.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IcecastException">The server refused the source, could not be reached, or reconnect attempts ran out.</exception>
    /// <exception cref="OperationCanceledException">The call was cancelled.</exception>
    public virtual async Task<IcecastStreamResult> StreamFileAsync(string path, IcecastPacing? pacing = null, IProgress<IcecastStreamProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The file path is required.", nameof(path));
        }

        pacing ??= IcecastPacing.Auto;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var bytesPerSecond = pacing.BytesPerSecond;
        if (bytesPerSecond < 0)
        {
            var kbps = Mp3Bitrate.Read(file);
            if (kbps == 0)
            {
                throw new ArgumentException($"pacing: no MPEG audio frame header in the first {Mp3Bitrate.SearchLength / 1024} KB of '{Path.GetFileName(path)}' to read the bitrate from; give IcecastPacing.FromBytesPerSecond (or None).", nameof(pacing));
            }

            bytesPerSecond = kbps * 1000L / 8;
            file.Seek(0, SeekOrigin.Begin);
        }

        var pacer = bytesPerSecond > 0 ? new IcecastPacer(bytesPerSecond, _time) : null;
        return await RunAsync(file, pacer?.ChunkSize ?? LiveBufferSize, pacer, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IcecastStreamResult> RunAsync(Stream source, int bufferSize, IcecastPacer? pacer, IProgress<IcecastStreamProgress>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var buffer = new byte[bufferSize];
        long sent = 0;
        var reconnects = 0;
        var pending = 0;
        Task<int>? read = null;
        var connection = await OpenAsync(sent, cancellationToken).ConfigureAwait(false);

        // Ends when the call is cancelled, so that a source whose reads ignore cancellation (a console's stdin) still stops at once.
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        try
        {
            progress?.Report(new IcecastStreamProgress(IcecastStreamEvent.Connected, sent, reconnects));
            pacer?.Restart(sent);
            while (true)
            {
                if (pending == 0)
                {
                    read ??= source.ReadAsync(buffer, 0, buffer.Length, cancellationToken);
                    var first = await Task.WhenAny(read, connection.Dropped, cancelled).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    if (first != read)
                    {
                        connection = await ReconnectAsync(connection, connection.DropReason(), sent, reconnects, progress, cancellationToken).ConfigureAwait(false);
                        reconnects++;
                        pacer?.Restart(sent);
                        continue;
                    }

                    pending = await read.ConfigureAwait(false);
                    read = null;
                    if (pending == 0)
                    {
                        break;
                    }
                }

                try
                {
                    await connection.Stream.WriteAsync(buffer, 0, pending, cancellationToken).ConfigureAwait(false);
                    await connection.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    connection = await ReconnectAsync(connection, Describe(ex), sent, reconnects, progress, cancellationToken).ConfigureAwait(false);
                    reconnects++;
                    pacer?.Restart(sent);
                    continue;
                }

                sent += pending;
                pending = 0;
                progress?.Report(new IcecastStreamProgress(IcecastStreamEvent.Sent, sent, reconnects));
                if (pacer is not null)
                {
                    var wait = pacer.WaitAfter(sent);
                    if (wait > TimeSpan.Zero)
                    {
                        var delay = _time.DelayAsync(wait, cancellationToken);
                        if (await Task.WhenAny(delay, connection.Dropped).ConfigureAwait(false) != delay)
                        {
                            connection = await ReconnectAsync(connection, connection.DropReason(), sent, reconnects, progress, cancellationToken).ConfigureAwait(false);
                            reconnects++;
                            pacer.Restart(sent);
                        }
                        else
                        {
                            await delay.ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        finally
        {
            connection.Dispose();
            if (read is not null)
            {
                // A read still pending on the source after cancellation: observe it so it never goes unobserved.
                _ = read.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        IcecastLog.Completed(_logger, _server, _mount, sent, reconnects);
        progress?.Report(new IcecastStreamProgress(IcecastStreamEvent.Completed, sent, reconnects));
        return new IcecastStreamResult(sent, reconnects);
    }

    private async Task<Connection> ReconnectAsync(Connection dropped, string reason, long sent, int reconnects, IProgress<IcecastStreamProgress>? progress, CancellationToken cancellationToken)
    {
        dropped.Dispose();
        var delay = _options.ReconnectInitialDelay;
        IcecastException? last = null;
        for (var attempt = 1; attempt <= _options.ReconnectAttempts; attempt++)
        {
            IcecastLog.Reconnecting(_logger, _server, _mount, sent, reason, attempt, _options.ReconnectAttempts, delay);
            progress?.Report(new IcecastStreamProgress(IcecastStreamEvent.Reconnecting, sent, reconnects, attempt, delay, reason));
            await _time.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            try
            {
                var connection = await OpenAsync(sent, cancellationToken).ConfigureAwait(false);
                IcecastLog.Reconnected(_logger, _server, _mount, sent, reconnects + 1);
                progress?.Report(new IcecastStreamProgress(IcecastStreamEvent.Reconnected, sent, reconnects + 1));
                return connection;
            }
            catch (IcecastException ex) when (ex.Status is 0 or 403 or >= 500)
            {
                last = ex;
                reason = ex.Status == 0 ? "unreachable" : ex.Status.ToString(CultureInfo.InvariantCulture) + " " + (ex.ErrorCode ?? string.Empty);
            }

            var doubled = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
            delay = doubled;
        }

        IcecastLog.GaveUp(_logger, _server, _mount, _options.ReconnectAttempts, sent);
        throw new IcecastException($"Icecast {Where}: the connection dropped after {sent} bytes and {_options.ReconnectAttempts} reconnect attempts failed{(last is null ? "." : ": " + last.Message)}", last)
        {
            Channel = "icecast",
            Server = _server,
            Mount = _mount,
            Status = last?.Status ?? 0,
            BytesSent = sent,
            IsTransient = true,
        };
    }

    private string Where => _server.GetLeftPart(UriPartial.Authority) + _mount;

    private async Task<Connection> OpenAsync(long sent, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        Stream? stream = null;
        try
        {
            stream = await _connect(_server, timeout.Token).ConfigureAwait(false);
            var request = BuildRequest();
            await stream.WriteAsync(request, 0, request.Length, timeout.Token).ConfigureAwait(false);
            await stream.FlushAsync(timeout.Token).ConfigureAwait(false);
            var (status, reasonPhrase, rest) = await ReadResponseHeadAsync(stream, timeout.Token).ConfigureAwait(false);
            if (status is 100 or 200)
            {
                IcecastLog.Connected(_logger, _server, _mount, _options.ContentType);
                var connection = new Connection(stream);
                stream = null;
                return connection;
            }

            var body = await ReadBodyAsync(stream, rest, timeout.Token).ConfigureAwait(false);
            IcecastLog.Refused(_logger, _server, _mount, status, body.Length > 0 ? body : reasonPhrase);
            throw Refusal(status, reasonPhrase, body, sent);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IcecastException($"Icecast {Where}: no answer within {_options.ConnectTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (ConnectTimeout).")
            {
                Channel = "icecast",
                Server = _server,
                Mount = _mount,
                BytesSent = sent,
                IsTransient = true,
            };
        }
        catch (Exception ex) when (IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new IcecastException($"Icecast {Where} could not be reached: {Describe(ex)}.", ex)
            {
                Channel = "icecast",
                Server = _server,
                Mount = _mount,
                BytesSent = sent,
                IsTransient = true,
            };
        }
        finally
        {
            stream?.Dispose();
        }
    }

    private IcecastException Refusal(int status, string reasonPhrase, string body, long sent)
    {
        var meaning = status switch
        {
            401 => "the source user or password is wrong",
            403 => "the mount is in use by another source, or the server does not allow this content type or source there",
            404 => "the server has no such mount or does not take sources on it",
            >= 500 => "the server failed",
            _ => "the server refused the source",
        };
        var said = body.Length > 0 ? body : reasonPhrase;
        return new IcecastException($"Icecast {Where} refused the source: {status.ToString(CultureInfo.InvariantCulture)} {reasonPhrase}{(said.Length > 0 && said != reasonPhrase ? " (" + said + ")" : string.Empty)}: {meaning}.")
        {
            Channel = "icecast",
            Server = _server,
            Mount = _mount,
            Status = status,
            ErrorCode = body.Length > 0 ? body : null,
            BytesSent = sent,
            IsTransient = status >= 500,
        };
    }

    private byte[] BuildRequest()
    {
        var host = _server.IsDefaultPort ? _server.Host : _server.Host + ":" + _server.Port.ToString(CultureInfo.InvariantCulture);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.Username + ":" + _options.Password));
        var text = new StringBuilder()
            .Append("PUT ").Append(_mount).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n")
            .Append("Authorization: Basic ").Append(credentials).Append("\r\n")
            .Append("User-Agent: NinhBinh.Comms Icecast source\r\n")
            .Append("Content-Type: ").Append(_options.ContentType).Append("\r\n")
            .Append("ice-public: ").Append(_options.Public ? '1' : '0').Append("\r\n");
        Header(text, "ice-name", _options.Name);
        Header(text, "ice-description", _options.Description);
        Header(text, "ice-genre", _options.Genre);
        Header(text, "ice-bitrate", _options.Bitrate?.ToString(CultureInfo.InvariantCulture));
        Header(text, "ice-audio-info", _options.AudioInfo);
        text.Append("Expect: 100-continue\r\n\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());

        static void Header(StringBuilder text, string name, string? value)
        {
            if (value is not null)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }
    }

    private static async Task<(int Status, string Reason, byte[] Remainder)> ReadResponseHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxResponseHead];
        var length = 0;
        while (true)
        {
            var end = IndexOfHeadEnd(buffer, length);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, 0, end);
                var rest = new byte[length - end - 4];
                Array.Copy(buffer, end + 4, rest, 0, rest.Length);
                var firstLine = head.Split('\n')[0].TrimEnd('\r');
                var parts = firstLine.Split([' '], 3);
                if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                {
                    throw new IOException("the server's answer is not HTTP");
                }

                return (status, parts.Length > 2 ? parts[2].Trim() : string.Empty, rest);
            }

            if (length == buffer.Length)
            {
                throw new IOException("the server's answer has a header over 8 KB");
            }

            var n = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException("the server closed the connection without an answer");
            }

            length += n;
        }
    }

    private static int IndexOfHeadEnd(byte[] buffer, int length)
    {
        for (var i = 0; i + 3 < length; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task<string> ReadBodyAsync(Stream stream, byte[] rest, CancellationToken cancellationToken)
    {
        const int Max = 512;
        var buffer = new byte[Max];
        var length = Math.Min(rest.Length, Max);
        Array.Copy(rest, buffer, length);
        try
        {
            while (length < Max)
            {
                var n = await stream.ReadAsync(buffer, length, Max - length, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                length += n;
            }
        }
        catch (IOException)
        {
            // the body is only a hint; the status decides
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var line = string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length > 200 ? line.Substring(0, 200) : line;
    }

    private static bool IsConnectionFailure(Exception ex) => ex is IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException;

    private static string Describe(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.ConnectionReset => "connection reset",
                    SocketError.HostNotFound or SocketError.NoData => "host not found",
                    SocketError.TimedOut => "timed out",
                    _ => socket.SocketErrorCode.ToString(),
                };
            }
        }

        return ex.Message;
    }

    private static async Task<Stream> ConnectTcpAsync(Uri server, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
#if NET8_0_OR_GREATER
            await client.ConnectAsync(server.Host, server.Port, cancellationToken).ConfigureAwait(false);
#else
            using (cancellationToken.Register(static c => ((TcpClient)c!).Dispose(), client))
            {
                await client.ConnectAsync(server.Host, server.Port).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
#endif
            Stream stream = new OwningStream(client);
            if (server.Scheme == "https")
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                try
                {
#if NET8_0_OR_GREATER
                    await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = server.Host }, cancellationToken).ConfigureAwait(false);
#else
                    await tls.AuthenticateAsClientAsync(server.Host).ConfigureAwait(false);
#endif
                }
                catch
                {
                    tls.Dispose();
                    throw;
                }

                stream = tls;
            }

            return stream;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A network stream that also closes its <see cref="TcpClient"/>.</summary>
    private sealed class OwningStream : Stream
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _inner;

        public OwningStream(TcpClient client)
        {
            _client = client;
            _inner = client.GetStream();
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _client.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>An accepted source connection, and a read that ends when the server closes or resets it (Icecast sends nothing more).</summary>
    private sealed class Connection : IDisposable
    {
        private readonly CancellationTokenSource _closing = new();
        private Exception? _failure;
        private int _disposed;

        public Connection(Stream stream)
        {
            Stream = stream;
            Dropped = WatchAsync();
        }

        public Stream Stream { get; }

        public Task Dropped { get; }

        public string DropReason() => _failure is null ? "closed by the server" : Describe(_failure);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _closing.Cancel();
                Stream.Dispose();
                _closing.Dispose();
            }
        }

        private async Task WatchAsync()
        {
            var buffer = new byte[256];
            try
            {
                while (await Stream.ReadAsync(buffer, 0, buffer.Length, _closing.Token).ConfigureAwait(false) > 0)
                {
                    // Icecast says nothing after accepting a source; anything it might say is ignored.
                }
            }
#pragma warning disable CA1031 // Any failure of the read means the connection is gone; it is reported as the drop reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _failure = ex;
            }
        }
    }
}
