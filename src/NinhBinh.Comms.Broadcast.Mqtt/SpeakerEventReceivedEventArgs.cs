using System;

namespace NinhBinh.Comms.Broadcast.Radio.Mqtt;

/// <summary>A device event the client received, with the commune of the topic it came in on.</summary>
public sealed class SpeakerEventReceivedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="communeCode">The commune of the topic.</param>
    /// <param name="speakerEvent">The event.</param>
    public SpeakerEventReceivedEventArgs(string communeCode, SpeakerEvent speakerEvent)
    {
        CommuneCode = communeCode ?? throw new ArgumentNullException(nameof(communeCode));
        Event = speakerEvent ?? throw new ArgumentNullException(nameof(speakerEvent));
    }

    /// <summary>The commune of the topic the event came in on.</summary>
    public string CommuneCode { get; }

    /// <summary>The event.</summary>
    public SpeakerEvent Event { get; }
}
