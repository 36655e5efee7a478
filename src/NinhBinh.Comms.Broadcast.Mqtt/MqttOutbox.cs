using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>
/// The commands waiting for the broker, in order. With a file, every command is appended and flushed to disk
/// (fsync) before it is published, and marked done once the broker acknowledged it (PUBACK), so commands issued
/// while the broker is down — or before a crash — go out in order when it is back. Lines: <c>P seq topic base64</c>
/// and <c>D seq</c>; a line cut short by a crash is ignored; the file is emptied whenever nothing is pending.
/// A command sent twice after a crash is harmless: devices play a command id once.
/// </summary>
internal sealed class MqttOutbox : IDisposable
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, (string Topic, byte[] Payload)> _pending = new();
    private readonly FileStream? _file;
    private long _next;

    public MqttOutbox(string? path)
    {
        if (path is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        Load();
        if (_pending.Count == 0)
        {
            _file.SetLength(0);
        }

        _file.Seek(0, SeekOrigin.End);
    }

    /// <summary>How many commands wait for the broker.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The waiting commands, oldest first.</summary>
    public List<(long Sequence, string Topic, byte[] Payload)> Pending()
    {
        lock (_gate)
        {
            var list = new List<(long, string, byte[])>(_pending.Count);
            foreach (var entry in _pending)
            {
                list.Add((entry.Key, entry.Value.Topic, entry.Value.Payload));
            }

            return list;
        }
    }

    /// <summary>Adds commands, in order, with one flush to disk for all of them (with a file).</summary>
    public void AddRange(IReadOnlyList<string> topics, byte[] payload)
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            var encoded = Convert.ToBase64String(payload);
            foreach (var topic in topics)
            {
                var sequence = ++_next;
                _pending.Add(sequence, (topic, payload));
                text.Append("P ").Append(sequence.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(topic).Append(' ').Append(encoded).Append('\n');
            }

            Write(text.ToString(), durable: true);
        }
    }

    /// <summary>Marks a command as accepted by the broker.</summary>
    public void Complete(long sequence)
    {
        lock (_gate)
        {
            if (!_pending.Remove(sequence))
            {
                return;
            }

            if (_pending.Count == 0 && _file is not null)
            {
                _file.SetLength(0);
                _file.Flush(flushToDisk: true);
                return;
            }

            Write($"D {sequence.ToString(CultureInfo.InvariantCulture)}\n", durable: false);
        }
    }

    public void Dispose() => _file?.Dispose();

    private void Write(string line, bool durable)
    {
        if (_file is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(line);
        _file.Write(bytes, 0, bytes.Length);
        _file.Flush(flushToDisk: durable);
    }

    private void Load()
    {
        using var reader = new StreamReader(_file!, Encoding.UTF8, false, 4096, leaveOpen: true);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var parts = line.Split(' ');
            if (parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                if (parts[0] == "P" && parts.Length == 4 && TryBase64(parts[3], out var payload))
                {
                    _pending[sequence] = (parts[2], payload);
                }
                else if (parts[0] == "D")
                {
                    _pending.Remove(sequence);
                }

                _next = Math.Max(_next, sequence);
            }
        }
    }

    private static bool TryBase64(string text, out byte[] payload)
    {
        try
        {
            payload = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            payload = Array.Empty<byte>();
            return false;
        }
    }
}
