using System;
using System.IO;
using NinhBinh.Comms.Testing;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Rendering;

/// <summary>Reading rendered PNGs back: pixels, comparison with an approved image, QR decoding.</summary>
public static class BoardImage
{
    public static string ApprovedFolder => Path.Combine(RepositoryRoot.Path, "tests", "NinhBinh.Comms.Broadcast.Tests", "Boards", "Rendering", "Approved");

    public static SKBitmap Decode(byte[] png)
    {
        var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        return bitmap;
    }

    /// <summary>The share of pixels where some channel differs by more than <paramref name="threshold"/>; 1 when the sizes differ.</summary>
    public static double DifferingShare(SKBitmap expected, SKBitmap actual, int threshold = 16)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return 1;
        }

        long differing = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var a = expected.GetPixel(x, y);
                var b = actual.GetPixel(x, y);
                if (Math.Abs(a.Red - b.Red) > threshold || Math.Abs(a.Green - b.Green) > threshold || Math.Abs(a.Blue - b.Blue) > threshold || Math.Abs(a.Alpha - b.Alpha) > threshold)
                {
                    differing++;
                }
            }
        }

        return differing / (double)(expected.Width * expected.Height);
    }

    /// <summary>
    /// Compares a rendered PNG with Approved/<paramref name="name"/>.approved.png: at most 1 % of the pixels may differ
    /// by more than 16 in a channel (anti-aliasing differs a little between Skia builds). On a mismatch, or when no
    /// approved image exists yet, writes <paramref name="name"/>.received.png next to it for review and fails.
    /// </summary>
    public static void Verify(string name, byte[] png)
    {
        var approvedPath = Path.Combine(ApprovedFolder, name + ".approved.png");
        var receivedPath = Path.Combine(ApprovedFolder, name + ".received.png");
        double share = 1;
        if (File.Exists(approvedPath))
        {
            using var approved = Decode(File.ReadAllBytes(approvedPath));
            using var received = Decode(png);
            share = DifferingShare(approved, received);
        }

        if (share <= 0.01)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(ApprovedFolder);
        File.WriteAllBytes(receivedPath, png);
        Assert.Fail($"{share:P2} of the pixels differ from {approvedPath} (at most 1 % may). Review {receivedPath}; to approve, copy it over the approved image.");
    }

    /// <summary>Decodes a QR code in the image, or <see langword="null"/> when there is none.</summary>
    public static string? DecodeQr(SKBitmap bitmap)
    {
        var luminance = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                luminance[(y * bitmap.Width) + x] = (byte)((p.Red + p.Green + p.Blue) / 3);
            }
        }

        return DecodeQr(luminance, bitmap.Width, bitmap.Height);
    }

    /// <summary>Decodes a QR code from a module matrix drawn at 4 pixels per module.</summary>
    public static string? DecodeQr(bool[,] modules)
    {
        const int scale = 4;
        var size = modules.GetLength(0) * scale;
        var luminance = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                luminance[(y * size) + x] = modules[y / scale, x / scale] ? (byte)0 : (byte)255;
            }
        }

        return DecodeQr(luminance, size, size);
    }

    private static string? DecodeQr(byte[] luminance, int width, int height)
    {
        var source = new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var bitmap = new BinaryBitmap(new HybridBinarizer(source));
        try
        {
            return new QRCodeReader().decode(bitmap, new System.Collections.Generic.Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true })?.Text;
        }
        catch (ReaderException)
        {
            return null;
        }
    }
}
