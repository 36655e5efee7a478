using System;

namespace NinhBinh.Comms.Broadcast.Radio.Scheduling;

/// <summary>
/// Two schedules of one station overlap: the second starts before the first has ended. The message names both
/// schedules, the station and the times (Vietnam time).
/// </summary>
public class RadioScheduleConflictException : CommsException
{
    /// <summary>Creates an exception.</summary>
    public RadioScheduleConflictException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What overlaps.</param>
    public RadioScheduleConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What overlaps.</param>
    /// <param name="innerException">The cause.</param>
    public RadioScheduleConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The commune whose station has the overlap, or <see langword="null"/>.</summary>
    public string? CommuneCode { get; init; }

    /// <summary>The schedule that plays first, or <see langword="null"/>.</summary>
    public string? FirstScheduleId { get; init; }

    /// <summary>The schedule that starts while the first still plays, or <see langword="null"/>.</summary>
    public string? SecondScheduleId { get; init; }

    /// <summary>When the second starts (Vietnam time), or <see langword="null"/>.</summary>
    public DateTimeOffset? At { get; init; }
}
