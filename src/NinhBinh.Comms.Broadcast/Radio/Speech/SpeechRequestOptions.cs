namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>Per-request choices; each provider validates them on its own scale (see its options class).</summary>
public sealed class SpeechRequestOptions
{
    /// <summary>
    /// The voice: Zalo AI's speaker id (<c>1</c>–<c>6</c>), FPT.AI's voice name (<c>banmai</c>, <c>leminh</c>, …),
    /// Viettel AI's voice (<c>hn-quynhanh</c>, …), espeak-ng's voice (<c>vi</c>); the provider's default when <see langword="null"/>.
    /// </summary>
    public string? Voice { get; init; }

    /// <summary>
    /// The speed on the provider's own scale (Zalo AI 0.8–1.2, FPT.AI −3–3, Viettel AI 0.7–1.3, espeak-ng words per
    /// minute 80–450); the provider's default when <see langword="null"/>.
    /// </summary>
    public double? Speed { get; init; }
}
