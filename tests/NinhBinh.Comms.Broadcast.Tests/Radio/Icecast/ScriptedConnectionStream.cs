using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// The client under test calls the array-based overloads (its source also compiles for netstandard2.0).
#pragma warning disable CA1844

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Icecast;

/// <summary>
/// A source connection for unit tests (no network): it answers the request head with <paramref name="answer"/>, keeps
/// the request head and the body apart, and can be dropped as a server that goes away.
/// </summary>
public sealed class ScriptedConnectionStream(string answer = "HTTP/1.1 100 Continue\r\nContent-Length: 0\r\n\r\n") : Stream
{
    private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream _body = new();
    private byte[]? _answer = Encoding.ASCII.GetBytes(answer);

    public string? RequestHead { get; private set; }

    public byte[] Body
    {
        get
        {
            lock (_body)
            {
                return _body.ToArray();
            }
        }
    }

    public List<int> Writes { get; } = [];

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>The server goes away: the client's pending read ends and further writes fail.</summary>
    public void Drop() => _dropped.TrySetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var answer = Interlocked.Exchange(ref _answer, null);
        if (answer is not null)
        {
            Array.Copy(answer, 0, buffer, offset, answer.Length);
            return answer.Length;
        }

        await _dropped.Task.WaitAsync(cancellationToken);
        return 0;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_dropped.Task.IsCompleted || Disposed)
        {
            throw new IOException("Broken pipe");
        }

        if (RequestHead is null)
        {
            RequestHead = Encoding.UTF8.GetString(buffer, offset, count);
            return Task.CompletedTask;
        }

        lock (_body)
        {
            _body.Write(buffer, offset, count);
            Writes.Add(count);
        }

        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        _dropped.TrySetResult();
        base.Dispose(disposing);
    }
}
