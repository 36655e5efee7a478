using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Broadcast.Radio.Icecast;

// The client under test calls the array-based Stream overloads (its source also compiles for netstandard2.0).
#pragma warning disable CA1844

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Icecast;

/// <summary>The request, pacing and reconnect rules of <see cref="IcecastSourceClient"/>, on scripted connections and a fake clock.</summary>
public class IcecastSourceClientTests
{
    private static IcecastSourceOptions Options() => new()
    {
        Server = new Uri("http://radio.ninhbinh.example:8000"),
        Mount = "/hoa-lu.mp3",
        Password = "Mat-Khau-Nguon-7",
        Name = "Đài phường Hoa Lư",
        Description = "Bản tin",
        Genre = "tin-tuc",
        Public = true,
        Bitrate = 32,
        AudioInfo = "channels=1;samplerate=44100;bitrate=32",
    };

    [Fact]
    public async Task The_request_is_an_Icecast_2_4_source_PUT_with_basic_auth_expect_100_continue_and_ice_headers_then_the_raw_body()
    {
        var connection = new ScriptedConnectionStream();
        var client = new IcecastSourceClient(Options(), null, null, (_, _) => Task.FromResult<Stream>(connection));
        var bytes = IcecastTestKit.Pattern(40_000);

        var result = await client.StreamAsync(new MemoryStream(bytes));

        Assert.Equal(40_000, result.BytesSent);
        Assert.Equal(bytes, connection.Body);
        var lines = connection.RequestHead!.Split("\r\n");
        Assert.Equal("PUT /hoa-lu.mp3 HTTP/1.1", lines[0]);
        Assert.Contains("Host: radio.ninhbinh.example:8000", lines);
        Assert.Contains("Authorization: Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("source:Mat-Khau-Nguon-7")), lines);
        Assert.Contains("Content-Type: audio/mpeg", lines);
        Assert.Contains("Expect: 100-continue", lines);
        Assert.Contains("ice-name: Đài phường Hoa Lư", lines);
        Assert.Contains("ice-description: Bản tin", lines);
        Assert.Contains("ice-genre: tin-tuc", lines);
        Assert.Contains("ice-public: 1", lines);
        Assert.Contains("ice-bitrate: 32", lines);
        Assert.Contains("ice-audio-info: channels=1;samplerate=44100;bitrate=32", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase));
        Assert.EndsWith("\r\n\r\n", connection.RequestHead, StringComparison.Ordinal);
        Assert.True(connection.Disposed);
    }

    [Fact]
    public async Task A_file_of_N_bytes_at_B_bytes_per_second_waits_a_quarter_second_per_quarter_second_of_audio_and_takes_N_over_B()
    {
        var time = new TimerWatchingTimeProvider();
        var connection = new ScriptedConnectionStream();
        var client = new IcecastSourceClient(Options(), null, time, (_, _) => Task.FromResult<Stream>(connection));
        var path = TempFile(IcecastTestKit.Pattern(10_000));
        var start = time.GetUtcNow();
        var waits = new List<(int BodyBytes, TimeSpan Due)>();

        var streaming = client.StreamFileAsync(path, IcecastPacing.FromBytesPerSecond(2_000));
        while (true)
        {
            var timer = await Task.WhenAny(time.NextTimerAsync(), streaming);
            if (timer == streaming)
            {
                break;
            }

            var due = await (Task<TimeSpan>)timer;
            waits.Add((connection.Body.Length, due));
            time.Advance(due);
        }

        var result = await streaming;
        Assert.Equal(10_000, result.BytesSent);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (i * 500, TimeSpan.FromMilliseconds(250))), waits);
        Assert.Equal(TimeSpan.FromSeconds(5), time.GetUtcNow() - start); // N / B
        Assert.All(connection.Writes, w => Assert.Equal(500, w));
        File.Delete(path);
    }

    [Fact]
    public async Task Auto_pacing_reads_the_bitrate_of_the_first_MP3_frame_after_the_ID3_tag()
    {
        var time = new TimerWatchingTimeProvider();
        var connection = new ScriptedConnectionStream();
        var client = new IcecastSourceClient(Options(), null, time, (_, _) => Task.FromResult<Stream>(connection));
        var mp3 = IcecastTestKit.Mp3(20); // 32 kbit/s: 4,000 bytes/s, chunks of 1,000
        var path = TempFile(mp3);

        var streaming = client.StreamFileAsync(path);
        var first = await time.NextTimerAsync();

        Assert.Equal((1000, TimeSpan.FromMilliseconds(250)), (connection.Body.Length, first));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(mp3.Length, (await streaming.WaitAsync(TimeSpan.FromSeconds(30))).BytesSent);
        Assert.Equal(mp3, connection.Body);
        File.Delete(path);
    }

    [Fact]
    public async Task Auto_pacing_of_a_file_without_MP3_frames_is_refused_before_connecting_naming_the_pacing()
    {
        var connects = 0;
        var client = new IcecastSourceClient(Options(), null, null, (_, _) =>
        {
            connects++;
            return Task.FromResult<Stream>(new ScriptedConnectionStream());
        });
        var path = TempFile(new byte[5000]);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.StreamFileAsync(path));

        Assert.Equal("pacing", ex.ParamName);
        Assert.Contains("IcecastPacing.FromBytesPerSecond", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, connects);
        File.Delete(path);
    }

    [Fact]
    public async Task A_dropped_connection_is_made_again_with_doubling_backoff_and_the_file_continues_from_its_byte_offset()
    {
        var time = new TimerWatchingTimeProvider();
        var connections = new List<ScriptedConnectionStream>();
        var refusals = 2;
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var options = Options();
        options.ReconnectInitialDelay = TimeSpan.FromSeconds(1);
        options.ReconnectMaxDelay = TimeSpan.FromSeconds(3);
        var client = new IcecastSourceClient(options, loggerFactory.CreateLogger<IcecastSourceClient>(), time, (_, _) =>
        {
            if (connections.Count == 1 && refusals-- > 0)
            {
                throw new SocketException((int)SocketError.ConnectionRefused);
            }

            var c = new ScriptedConnectionStream();
            connections.Add(c);
            return Task.FromResult<Stream>(c);
        });
        var bytes = IcecastTestKit.Pattern(4_000);
        var path = TempFile(bytes);
        var progress = new ProgressLog();

        var streaming = client.StreamFileAsync(path, IcecastPacing.FromBytesPerSecond(4_000), progress); // chunks of 1,000
        Assert.Equal(TimeSpan.FromMilliseconds(250), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.FromMilliseconds(250), await time.NextTimerAsync());
        connections[0].Drop(); // 2,000 bytes sent
        var backoff = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var due = await time.NextTimerAsync();
            backoff.Add(due);
            time.Advance(due);
        }

        while (!streaming.IsCompleted)
        {
            var next = await Task.WhenAny(time.NextTimerAsync(), streaming);
            if (next != streaming)
            {
                time.Advance(await (Task<TimeSpan>)next);
            }
        }

        var result = await streaming;
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3) }, backoff);
        Assert.Equal((4_000L, 1), (result.BytesSent, result.Reconnects));
        Assert.Equal(2, connections.Count);
        Assert.Equal(bytes.Take(2_000), connections[0].Body);
        Assert.Equal(bytes.Skip(2_000), connections[1].Body);
        Assert.Equal(new[] { 1, 2, 3 }, progress.Reports.Where(p => p.Event == IcecastStreamEvent.Reconnecting).Select(p => p.Attempt));
        var reconnected = Assert.Single(progress.Reports, p => p.Event == IcecastStreamEvent.Reconnected);
        Assert.Equal(2_000L, reconnected.BytesSent);
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("dropped after 2000 bytes", StringComparison.Ordinal));
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("reconnected; continuing from byte 2000", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains("Mat-Khau-Nguon-7", StringComparison.Ordinal));
        File.Delete(path);
    }

    [Fact]
    public async Task Reconnect_attempts_that_run_out_end_in_an_IcecastException_with_the_bytes_sent()
    {
        var time = new TimerWatchingTimeProvider();
        var first = new ScriptedConnectionStream();
        var calls = 0;
        var options = Options();
        options.ReconnectAttempts = 2;
        var client = new IcecastSourceClient(options, null, time, (_, _) => calls++ == 0 ? Task.FromResult<Stream>(first) : throw new SocketException((int)SocketError.ConnectionRefused));
        using var source = new LiveSourceStream();
        var progress = new ProgressLog();
        var streaming = client.StreamAsync(source, progress);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);
        source.Feed(new byte[700]);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Sent);

        first.Drop();
        time.Advance(await time.NextTimerAsync());
        time.Advance(await time.NextTimerAsync());

        var ex = await Assert.ThrowsAsync<IcecastException>(() => streaming.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(700, ex.BytesSent);
        Assert.StartsWith("Icecast http://radio.ninhbinh.example:8000/hoa-lu.mp3: the connection dropped after 700 bytes and 2 reconnect attempts failed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, calls);
    }

    [Theory]
    [InlineData("HTTP/1.0 401 Authentication Required\r\nConnection: Close\r\n\r\nYou need to authenticate\r\n", 401, "the source user or password is wrong")]
    [InlineData("HTTP/1.0 403 Forbidden\r\n\r\nContent-type not supported", 403, "Content-type not supported")]
    [InlineData("HTTP/1.0 404 File Not Found\r\n\r\n", 404, "no such mount")]
    public async Task A_refusal_is_an_IcecastException_with_the_status_and_what_it_means(string answer, int status, string meaning)
    {
        var client = new IcecastSourceClient(Options(), null, null, (_, _) => Task.FromResult<Stream>(new ClosingAnswerStream(answer)));

        var ex = await Assert.ThrowsAsync<IcecastException>(() => client.StreamAsync(new MemoryStream(new byte[10])));

        Assert.Equal(status, ex.Status);
        Assert.Equal(new Uri("http://radio.ninhbinh.example:8000"), ex.Server);
        Assert.StartsWith($"Icecast http://radio.ninhbinh.example:8000/hoa-lu.mp3 refused the source: {status}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(meaning, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Mat-Khau-Nguon-7", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(IcecastSourceOptions.Server), "IcecastSourceOptions.Server is required")]
    [InlineData("ServerScheme", "IcecastSourceOptions.Server must be an absolute http:// or https:// URI")]
    [InlineData("ServerUser", "IcecastSourceOptions.Server must not carry a user or password")]
    [InlineData(nameof(IcecastSourceOptions.Mount), "IcecastSourceOptions.Mount must start with '/'")]
    [InlineData("MountLength", "IcecastSourceOptions.Mount is 300 characters; at most 255")]
    [InlineData(nameof(IcecastSourceOptions.Password), "IcecastSourceOptions.Password is required")]
    [InlineData(nameof(IcecastSourceOptions.Username), "IcecastSourceOptions.Username is required and must not contain ':'")]
    [InlineData(nameof(IcecastSourceOptions.ContentType), "IcecastSourceOptions.ContentType must be a media type")]
    [InlineData(nameof(IcecastSourceOptions.Name), "IcecastSourceOptions.Name must not contain line breaks")]
    [InlineData(nameof(IcecastSourceOptions.Description), "IcecastSourceOptions.Description is 257 characters; at most 256")]
    [InlineData(nameof(IcecastSourceOptions.ReconnectMaxDelay), "IcecastSourceOptions.ReconnectMaxDelay must be at least ReconnectInitialDelay")]
    [InlineData(nameof(IcecastSourceOptions.ReconnectAttempts), "IcecastSourceOptions.ReconnectAttempts must be 0 to 1000")]
    public void Bad_options_are_refused_at_construction_naming_the_option_and_never_the_password(string option, string message)
    {
        var options = Options();
        switch (option)
        {
            case nameof(IcecastSourceOptions.Server): options.Server = null; break;
            case "ServerScheme": options.Server = new Uri("ftp://radio.example"); break;
            case "ServerUser": options.Server = new Uri("http://source:Mat-Khau-Nguon-7@radio.example"); break;
            case nameof(IcecastSourceOptions.Mount): options.Mount = "hoa-lu.mp3"; break;
            case "MountLength": options.Mount = "/" + new string('a', 299); break;
            case nameof(IcecastSourceOptions.Password): options.Password = ""; break;
            case nameof(IcecastSourceOptions.Username): options.Username = "a:b"; break;
            case nameof(IcecastSourceOptions.ContentType): options.ContentType = "mpeg"; break;
            case nameof(IcecastSourceOptions.Name): options.Name = "Đài\r\nX-Evil: 1"; break;
            case nameof(IcecastSourceOptions.Description): options.Description = new string('x', 257); break;
            case nameof(IcecastSourceOptions.ReconnectMaxDelay): options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(10); break;
            case nameof(IcecastSourceOptions.ReconnectAttempts): options.ReconnectAttempts = -1; break;
        }

        var ex = Assert.Throws<ArgumentException>(() => new IcecastSourceClient(options));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Mat-Khau-Nguon-7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_a_live_stream_whose_source_reads_ignore_cancellation_and_closes_the_connection()
    {
        var connection = new ScriptedConnectionStream();
        var client = new IcecastSourceClient(Options(), null, null, (_, _) => Task.FromResult<Stream>(connection));
        var progress = new ProgressLog();
        using var stop = new CancellationTokenSource();
        var streaming = client.StreamAsync(new StuckStream(), progress, stop.Token);
        await progress.WaitForAsync(p => p.Event == IcecastStreamEvent.Connected);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(connection.Disposed);
    }

    [Fact]
    public void Pacing_rates_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IcecastPacing.FromBytesPerSecond(0));
        Assert.Equal(16_000, IcecastPacing.FromBytesPerSecond(16_000).BytesPerSecond);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90 }, 128)] // MPEG-1 layer III 128 kbit/s
    [InlineData(new byte[] { 0xFF, 0xFB, 0x10 }, 32)]
    [InlineData(new byte[] { 0xFF, 0xF3, 0x40 }, 32)]  // MPEG-2 layer III 32 kbit/s
    [InlineData(new byte[] { 0xFF, 0xFD, 0x90 }, 160)] // MPEG-1 layer II 160 kbit/s
    [InlineData(new byte[] { 0xFF, 0xFB, 0x00 }, 0)]   // free format
    [InlineData(new byte[] { 0xFF, 0xFB, 0xF0 }, 0)]   // bad index
    [InlineData(new byte[] { 0xFF, 0xE9, 0x90 }, 0)]   // reserved version
    [InlineData(new byte[] { 0x49, 0x44, 0x33 }, 0)]
    public void MP3_frame_headers_give_their_bitrate(byte[] header, int kbps)
    {
        Assert.Equal(kbps, Mp3Bitrate.Parse(header[0], header[1], header[2]));
    }

    private static string TempFile(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "nbcomms-icecast-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A source whose reads never end and ignore cancellation (like a console's standard input).</summary>
    private sealed class StuckStream : Stream
    {
        private readonly TaskCompletionSource<int> _never = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _never.Task;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An answer the server sends, then closes.</summary>
    private sealed class ClosingAnswerStream(string answer) : Stream
    {
        private readonly MemoryStream _answer = new(System.Text.Encoding.ASCII.GetBytes(answer));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _answer.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }
}

/// <summary>A fake clock that tells the test each time a timer is started, with its due time (what the code waits for).</summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer started (waits at most 30 s of real time).</summary>
    public Task<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
}
