using System;

namespace NinhBinh.Comms.Broadcast.Boards.Anthias;

/// <summary>The device did not answer (connection refused or dropped, no answer in time). The message says why, with no secret.</summary>
internal sealed class AnthiasUnreachableException : Exception
{
    public AnthiasUnreachableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
