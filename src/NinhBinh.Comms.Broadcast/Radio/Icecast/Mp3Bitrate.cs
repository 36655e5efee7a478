using System.IO;

namespace NinhBinh.Comms.Broadcast.Radio.Icecast;

/// <summary>Reads the bitrate of the first MPEG audio frame header of a file (after an ID3v2 tag, if any).</summary>
internal static class Mp3Bitrate
{
    /// <summary>How far into the file (after the ID3v2 tag) a frame header is looked for.</summary>
    public const int SearchLength = 64 * 1024;

    // kbit/s by [version row][layer column][index]; rows: MPEG-1, MPEG-2/2.5; columns: layer I, II, III.
    private static readonly int[][][] Kbps =
    [
        [
            [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
            [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
            [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
        ],
        [
            [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
            [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
            [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        ],
    ];

    /// <summary>The bitrate in kbit/s of the first frame header, or 0 when none is found.</summary>
    public static int Read(Stream stream)
    {
        var head = new byte[10];
        var skip = 0L;
        if (ReadFully(stream, head, 10) == 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3')
        {
            skip = 10 + ((head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F));
            if ((head[5] & 0x10) != 0)
            {
                skip += 10;
            }
        }

        stream.Seek(skip, SeekOrigin.Begin);
        var buffer = new byte[SearchLength];
        var length = ReadFully(stream, buffer, buffer.Length);
        for (var i = 0; i + 3 < length; i++)
        {
            var kbps = Parse(buffer[i], buffer[i + 1], buffer[i + 2]);
            if (kbps > 0)
            {
                return kbps;
            }
        }

        return 0;
    }

    /// <summary>The bitrate of a frame header's first three bytes, or 0 when they are not a valid header with a fixed bitrate.</summary>
    public static int Parse(byte b0, byte b1, byte b2)
    {
        if (b0 != 0xFF || (b1 & 0xE0) != 0xE0)
        {
            return 0;
        }

        var version = (b1 >> 3) & 0x03; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
        var layer = (b1 >> 1) & 0x03;   // 1: III, 2: II, 3: I, 0: reserved
        var index = (b2 >> 4) & 0x0F;
        var sampleRate = (b2 >> 2) & 0x03;
        if (version == 1 || layer == 0 || index is 0 or 15 || sampleRate == 3)
        {
            return 0;
        }

        return Kbps[version == 3 ? 0 : 1][3 - layer][index];
    }

    private static int ReadFully(Stream stream, byte[] buffer, int count)
    {
        var total = 0;
        while (total < count)
        {
            var n = stream.Read(buffer, total, count - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
