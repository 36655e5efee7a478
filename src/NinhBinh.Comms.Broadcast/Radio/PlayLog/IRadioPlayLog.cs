using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>
/// The play log (nhật ký phát): proof of play per device and command, what a commune reports. Each stage of a command
/// at a device is kept once: a device that acknowledges twice leaves one <see cref="RadioPlayStage.Acked"/> entry (the first).
/// </summary>
public interface IRadioPlayLog
{
    /// <summary>Records an entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when recorded; <see langword="false"/> when that stage of that command at that device is already there (the first is kept).</returns>
    Task<bool> RecordAsync(RadioPlayLogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries of a commune between two dates of the Vietnam calendar, both included.</summary>
    /// <param name="communeCode">The commune's 5-digit code.</param>
    /// <param name="firstDate">The first date (its time of day is ignored).</param>
    /// <param name="lastDate">The last date, inclusive, not before <paramref name="firstDate"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries, ordered by time, device, command and stage.</returns>
    /// <exception cref="ArgumentException">The code is not five digits, or <paramref name="lastDate"/> is before <paramref name="firstDate"/>.</exception>
    Task<IReadOnlyList<RadioPlayLogEntry>> QueryAsync(string communeCode, DateTime firstDate, DateTime lastDate, CancellationToken cancellationToken = default);
}
