using System;
using System.IO;
using System.Text;

namespace NinhBinh.Comms.Emulator.Speech;

/// <summary>Small but valid audio files whose length grows with the text: 60 ms per character, at least 200 ms.</summary>
internal static class EmulatedAudio
{
    public static TimeSpan DurationOf(string text) => TimeSpan.FromMilliseconds(Math.Max(200, text.Length * 60));

    /// <summary>RIFF/WAVE, PCM 8 kHz, 8-bit, mono: a quiet 440 Hz tone.</summary>
    public static byte[] Wave(TimeSpan duration)
    {
        const int rate = 8000;
        var samples = (int)(duration.TotalSeconds * rate);
        using var stream = new MemoryStream(44 + samples);
        using (var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write("RIFF"u8);
            writer.Write(36 + samples);
            writer.Write("WAVEfmt "u8);
            writer.Write(16);
            writer.Write((short)1);
            writer.Write((short)1);
            writer.Write(rate);
            writer.Write(rate);
            writer.Write((short)1);
            writer.Write((short)8);
            writer.Write("data"u8);
            writer.Write(samples);
            for (var i = 0; i < samples; i++)
            {
                writer.Write((byte)(128 + (int)(20 * Math.Sin(2 * Math.PI * 440 * i / rate))));
            }
        }

        return stream.ToArray();
    }

    /// <summary>MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes, 26 ms each) of silence.</summary>
    public static byte[] Mp3(TimeSpan duration)
    {
        var frames = Math.Max(1, (int)Math.Ceiling(duration.TotalMilliseconds / 26.122));
        var bytes = new byte[frames * 417];
        for (var f = 0; f < frames; f++)
        {
            bytes[f * 417] = 0xFF;
            bytes[(f * 417) + 1] = 0xFB;
            bytes[(f * 417) + 2] = 0x90;
            bytes[(f * 417) + 3] = 0x64;
        }

        return bytes;
    }

    /// <summary>ADTS AAC-LC frames (44.1 kHz, stereo, 23 ms each) with empty payloads.</summary>
    public static byte[] Aac(TimeSpan duration)
    {
        const int length = 16;
        var frames = Math.Max(1, (int)Math.Ceiling(duration.TotalMilliseconds / 23.22));
        var bytes = new byte[frames * length];
        for (var f = 0; f < frames; f++)
        {
            var o = f * length;
            bytes[o] = 0xFF;
            bytes[o + 1] = 0xF1;
            bytes[o + 2] = 0x50;
            bytes[o + 3] = (byte)(0x80 | ((length >> 11) & 0x03));
            bytes[o + 4] = (byte)((length >> 3) & 0xFF);
            bytes[o + 5] = (byte)(((length & 0x07) << 5) | 0x1F);
            bytes[o + 6] = 0xFC;
        }

        return bytes;
    }
}
