using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>
/// The play log as CSV, what a commune reports: UTF-8 with a byte order mark (so spreadsheet programs read the
/// Vietnamese right), RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled),
/// times as <c>yyyy-MM-ddTHH:mm:ss+07:00</c>. Columns: <c>commune_code,device_id,command_id,stage,at,reason</c>.
/// </summary>
public static class RadioPlayLogCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "commune_code,device_id,command_id,stage,at,reason";

    private static readonly char[] Special = { ',', '"', '\r', '\n' };

    /// <summary>Writes entries as CSV to a stream (the byte order mark first); the stream is left open.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="entries">The entries, written in the order given.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once everything is written and flushed.</returns>
    public static async Task WriteAsync(Stream stream, IEnumerable<RadioPlayLogEntry> entries, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(stream);
        Guard.NotNull(entries);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header).ConfigureAwait(false);
        foreach (var e in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(",", e.CommuneCode, e.DeviceId, e.CommandId, RadioPlayLogEntry.StageWord(e.Stage), e.FormatAt(), Field(e.Reason))).ConfigureAwait(false);
        }

#if NET
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
#else
        await writer.FlushAsync().ConfigureAwait(false);
#endif
    }

    /// <summary>Writes entries as CSV to a file (created or replaced).</summary>
    /// <param name="path">The file.</param>
    /// <param name="entries">The entries, written in the order given.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the file is written.</returns>
    public static async Task WriteFileAsync(string path, IEnumerable<RadioPlayLogEntry> entries, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true);
        await WriteAsync(file, entries, cancellationToken).ConfigureAwait(false);
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value!.IndexOfAny(Special) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
