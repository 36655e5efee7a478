using System;
using QRCoder;

namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>The QR code of a URL (QRCoder, error correction level M), as a square module matrix with its 4-module quiet zone.</summary>
internal static class BoardQrCode
{
    /// <summary>The modules, <c>[row, column]</c>; <see langword="true"/> is dark.</summary>
    public static bool[,] Modules(Uri url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;
        var modules = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            var bits = data.ModuleMatrix[row];
            for (var column = 0; column < size; column++)
            {
                modules[row, column] = bits[column];
            }
        }

        return modules;
    }
}
