using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>
/// Synthesized chunks by (provider, voice, speed, text): URLs until <c>margin</c> before their expiry (URLs without a
/// known expiry are not kept), bytes in a least-recently-used list bounded by their total size. Thread-safe.
/// </summary>
internal sealed class SpeechCache
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly long _maxBytes;
    private readonly TimeSpan _margin;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long _bytes;

    public SpeechCache(long maxBytes, TimeSpan margin, TimeProvider time)
    {
        _maxBytes = maxBytes;
        _margin = margin;
        _time = time;
    }

    public static string Key(string provider, SpeechRequestOptions? options, string text) =>
        string.Join("\u001f", provider, options?.Voice ?? string.Empty, options?.Speed?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, text);

    public SpeechAudio? Get(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            var audio = node.Value.Audio;
            if (audio.ExpiresAt is { } expiry && _time.GetUtcNow() >= expiry - _margin)
            {
                Remove(node);
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return audio;
        }
    }

    public void Put(string key, SpeechAudio audio)
    {
        long size = audio.Bytes.Length;
        if (audio.IsUrl ? audio.ExpiresAt is null || _time.GetUtcNow() >= audio.ExpiresAt.Value - _margin : size > _maxBytes)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            var node = _recency.AddFirst(new Entry(key, audio));
            _entries[key] = node;
            _bytes += size;
            while (_bytes > _maxBytes && _recency.Last is { } last)
            {
                Remove(last);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
        _bytes -= node.Value.Audio.Bytes.Length;
    }

    private sealed record Entry(string Key, SpeechAudio Audio);
}
