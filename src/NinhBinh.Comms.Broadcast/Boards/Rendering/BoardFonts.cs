using System;
using System.IO;
using SkiaSharp;

namespace NinhBinh.Comms.Broadcast.Boards.Rendering;

/// <summary>
/// The bundled typefaces (DejaVu Sans and DejaVu Sans Bold, embedded resources; licence in the package's
/// <c>licenses/LICENSE-DejaVu.txt</c>): every Vietnamese letter, precomposed, so no system font or fontconfig is needed.
/// Loaded once and shared (typefaces are immutable).
/// </summary>
internal static class BoardFonts
{
    private static readonly Lazy<SKTypeface> LazyRegular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> LazyBold = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => LazyRegular.Value;

    public static SKTypeface Bold => LazyBold.Value;

    /// <summary>A font as the renderer measures and draws with it (anti-aliased, subpixel positions, slight hinting).</summary>
    public static SKFont CreateFont(bool bold, float size) => new(bold ? Bold : Regular, size)
    {
        Edging = SKFontEdging.Antialias,
        Subpixel = true,
        Hinting = SKFontHinting.Slight,
    };

    private static SKTypeface Load(string file)
    {
        var name = "NinhBinh.Comms.Broadcast.Boards.Fonts." + file;
        using var stream = typeof(BoardFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }
}
