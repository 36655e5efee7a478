using System;
using System.Collections.Generic;
using System.Linq;
using NinhBinh.Comms.Broadcast.Radio.Scheduling;

namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>The query rules the play logs share.</summary>
internal static class RadioPlayLogPeriod
{
    /// <summary>Checks a query and turns its dates into [start, end) instants in Vietnam time.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Check(string communeCode, DateTime firstDate, DateTime lastDate)
    {
        RadioSchedule.CheckCommuneCode(communeCode, nameof(communeCode));
        if (lastDate.Date < firstDate.Date)
        {
            throw new ArgumentException("The period is empty: lastDate must not be before firstDate.", nameof(lastDate));
        }

        return (VietnamTime.StartOfDay(DateTime.SpecifyKind(firstDate.Date, DateTimeKind.Unspecified)), VietnamTime.StartOfDay(DateTime.SpecifyKind(lastDate.Date.AddDays(1), DateTimeKind.Unspecified)));
    }

    public static IEnumerable<RadioPlayLogEntry> Sort(IEnumerable<RadioPlayLogEntry> entries) => entries
        .OrderBy(e => e.At.UtcTicks)
        .ThenBy(e => e.DeviceId, StringComparer.Ordinal)
        .ThenBy(e => e.CommandId, StringComparer.Ordinal)
        .ThenBy(e => e.Stage);
}
