using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Broadcast.Boards;

/// <summary>Exports proof of play as CSV.</summary>
public static class BoardProofOfPlay
{
    private static readonly char[] CsvSpecial = { ',', '"', '\r', '\n' };

    /// <summary>The CSV header line.</summary>
    public const string CsvHeader = "system,display_id,content_id,content_name,start,end,plays,confirmed";

    /// <summary>
    /// Writes <paramref name="records"/> as CSV (UTF-8 with a byte-order mark so that spreadsheet programs show
    /// Vietnamese correctly; RFC 4180 quoting; times in ISO 8601 with their offset, Vietnam time).
    /// </summary>
    /// <param name="records">The records.</param>
    /// <param name="destination">The stream to write to; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of records written.</returns>
    public static async Task<int> WriteCsvAsync(IEnumerable<BoardPlayRecord> records, Stream destination, CancellationToken cancellationToken = default)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        var count = 0;
        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CsvHeader).ConfigureAwait(false);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record is null)
            {
                throw new ArgumentException($"records: item {count} is null.", nameof(records));
            }

            var line = string.Join(",",
                Quote(record.System),
                Quote(record.DisplayId),
                Quote(record.ContentId),
                Quote(record.ContentName ?? string.Empty),
                VietnamTime.ToVietnamTime(record.Start).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                VietnamTime.ToVietnamTime(record.End).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                record.Plays.ToString(CultureInfo.InvariantCulture),
                record.Confirmed ? "true" : "false");
            await writer.WriteLineAsync(line).ConfigureAwait(false);
            count++;
        }

        #pragma warning disable CA2016 // StreamWriter.FlushAsync has no token on netstandard2.0.
        await writer.FlushAsync().ConfigureAwait(false);
#pragma warning restore CA2016
        return count;
    }

    private static string Quote(string value)
    {
        // A leading = + - @ would be run as a formula by spreadsheet programs: prefix it with an apostrophe.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny(CsvSpecial) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
