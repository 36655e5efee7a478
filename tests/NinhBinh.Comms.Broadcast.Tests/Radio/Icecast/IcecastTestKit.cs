using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio.Icecast;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Icecast;

/// <summary>Helpers of the Icecast tests: a live source fed by the test, progress seen in order, byte patterns, MP3 frames, a listener.</summary>
public static class IcecastTestKit
{
    /// <summary>A recognisable, non-repeating byte pattern (no two 4-byte windows of a short run are equal).</summary>
    public static byte[] Pattern(int length, int seed = 1)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// <paramref name="frames"/> MPEG-1 Layer III frames at 32 kbit/s, 44.1 kHz, mono, no padding (104 bytes each:
    /// a 4-byte header and silence), after a 10-byte ID3v2 tag with no frames (unless <paramref name="id3"/> is false):
    /// a file whose bitrate is 4,000 bytes/s.
    /// </summary>
    public static byte[] Mp3(int frames, bool id3 = true)
    {
        using var output = new MemoryStream();
        if (id3)
        {
            output.Write([(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 0]);
        }

        for (var i = 0; i < frames; i++)
        {
            var frame = new byte[104];
            frame[0] = 0xFF;
            frame[1] = 0xFB; // MPEG-1, layer III, no CRC
            frame[2] = 0x10; // bitrate index 1 (32 kbit/s), 44.1 kHz, no padding
            frame[3] = 0xC4; // mono
            frame[5] = (byte)i; // a little content, so the frames differ
            output.Write(frame);
        }

        return output.ToArray();
    }

    /// <summary>Opens the mount as a listener (waiting for it to exist) and reads until the server ends the stream.</summary>
    public static async Task<Task<byte[]>> ListenAsync(Uri mountUrl, CancellationToken cancellationToken)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        for (var attempt = 0; ; attempt++)
        {
            var response = await http.GetAsync(mountUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ReadAllAsync(http, response, cancellationToken);
            }

            response.Dispose();
            if (attempt == 200)
            {
                http.Dispose();
                throw new InvalidOperationException($"{mountUrl} did not become available: {(int)response.StatusCode}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<byte[]> ReadAllAsync(HttpClient http, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (http)
        using (response)
        {
            using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var copy = new MemoryStream();
            try
            {
                await body.CopyToAsync(copy, cancellationToken);
            }
            catch (IOException)
            {
                // the server closed the listener when the source went away
            }
            catch (HttpRequestException)
            {
            }

            return copy.ToArray();
        }
    }
}

/// <summary>A live source the test feeds: what is written is read by the client; <see cref="Complete"/> ends it.</summary>
public sealed class LiveSourceStream : Stream
{
    private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>();
    private byte[] _current = [];
    private int _offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Feed(byte[] bytes) => _chunks.Writer.TryWrite((byte[])bytes.Clone());

    public void Complete() => _chunks.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _current.Length)
        {
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken) || !_chunks.Reader.TryRead(out var next))
            {
                return 0;
            }

            _current = next;
            _offset = 0;
        }

        var n = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Progress reports kept in order, synchronously (unlike <see cref="Progress{T}"/>), with a wait for a given one.</summary>
public sealed class ProgressLog : IProgress<IcecastStreamProgress>
{
    private readonly List<IcecastStreamProgress> _reports = [];
    private readonly List<(Func<IcecastStreamProgress, bool> Match, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<IcecastStreamProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(IcecastStreamProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
            foreach (var waiter in _waiters.ToArray())
            {
                if (waiter.Match(value))
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>Waits (at most 30 s) until a report matches.</summary>
    public Task WaitForAsync(Func<IcecastStreamProgress, bool> match)
    {
        lock (_reports)
        {
            foreach (var report in _reports)
            {
                if (match(report))
                {
                    return Task.CompletedTask;
                }
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
