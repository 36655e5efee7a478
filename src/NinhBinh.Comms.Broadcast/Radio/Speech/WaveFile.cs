using System;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Reading the duration of a RIFF/WAVE file (PCM), for <see cref="SpeechAudio.Duration"/>.</summary>
internal static class WaveFile
{
    public static bool IsWave(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
        && bytes[8] == 'W' && bytes[9] == 'A' && bytes[10] == 'V' && bytes[11] == 'E';

    /// <summary>The duration from the fmt chunk's byte rate and the data chunk's size (the bytes present when the size is a streaming placeholder).</summary>
    public static TimeSpan? Duration(ReadOnlySpan<byte> bytes)
    {
        if (!IsWave(bytes))
        {
            return null;
        }

        var byteRate = 0L;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice(offset, 4);
            var size = (long)(uint)(bytes[offset + 4] | (bytes[offset + 5] << 8) | (bytes[offset + 6] << 16) | (bytes[offset + 7] << 24));
            if (id[0] == 'f' && id[1] == 'm' && id[2] == 't' && offset + 20 <= bytes.Length)
            {
                byteRate = (uint)(bytes[offset + 16] | (bytes[offset + 17] << 8) | (bytes[offset + 18] << 16) | (bytes[offset + 19] << 24));
            }
            else if (id[0] == 'd' && id[1] == 'a' && id[2] == 't' && id[3] == 'a')
            {
                var present = bytes.Length - offset - 8L;
                var data = Math.Min(size, present);
                return byteRate > 0 ? TimeSpan.FromTicks(data * TimeSpan.TicksPerSecond / byteRate) : null;
            }

            offset += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - offset - 8);
        }

        return null;
    }
}
