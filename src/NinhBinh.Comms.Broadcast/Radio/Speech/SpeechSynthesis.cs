using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Broadcast.Radio.Speech;

/// <summary>The audio of a whole text: one part per chunk, in reading order, to be played one after the other.</summary>
public sealed class SpeechSynthesis
{
    /// <summary>Creates a result.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="parts">The parts in reading order.</param>
    /// <param name="pauseBetweenParts">The silence the player leaves between parts, when the provider could not write it into the audio.</param>
    public SpeechSynthesis(string provider, IReadOnlyList<SpeechPart> parts, TimeSpan? pauseBetweenParts)
    {
        Provider = provider;
        Parts = parts;
        PauseBetweenParts = pauseBetweenParts;
    }

    /// <summary>The provider's name.</summary>
    public string Provider { get; }

    /// <summary>The parts in reading order.</summary>
    public IReadOnlyList<SpeechPart> Parts { get; }

    /// <summary>
    /// The silence to leave between parts when playing them, or <see langword="null"/>: set when a pause was asked for
    /// and the provider has no pause markup (with markup, the pause is inside the audio).
    /// </summary>
    public TimeSpan? PauseBetweenParts { get; }
}
