using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using NinhBinh.Comms.Broadcast.Radio.PlayLog;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms radio log</c>: the play log (nhật ký phát) of a commune from an embedded store, printed or as CSV.</summary>
internal static class RadioLogCommand
{
    public static Command Create(TextWriter stdout)
    {
        var store = new Option<string>("--store") { Description = "The play-log database file (SQLite, written by SqliteRadioPlayLog).", Required = true };
        var commune = new Option<string>("--commune") { Description = "The commune's 5-digit administrative code.", Required = true };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (Vietnam date), inclusive; default: --to, or today." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (Vietnam date), inclusive; default: today." };
        var csv = new Option<string?>("--csv") { Description = "Write the entries to this CSV file (UTF-8 with BOM, RFC 4180, times +07:00) instead of printing them." };
        var command = new Command("log", """
            Print the play log (nhật ký phát) of a commune between two Vietnam dates, both included: one line per entry,
            <time +07:00> <deviceId> <commandId> <stage> [<reason>], stage one of issued, acked, started, finished,
            failed (a failed entry ends with the device's reason). Ordered by time, device, command, stage.
            With --csv the entries are written to the file (commune_code,device_id,command_id,stage,at,reason) and one
            line says "<n> entries written to <path>".
            Exit 0 when there is at least one entry; 1 when there is none in the period (nothing is written) or the
            store cannot be read; 2 when the store file does not exist, a date is not yyyy-MM-dd, --from is after
            --to, the commune code is not five digits, or the CSV file's folder does not exist.
            """) { store, commune, from, to, csv };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(store)!;
            if (!File.Exists(path))
            {
                throw new CliUsageException($"--store: the file '{Path.GetFullPath(path)}' does not exist.");
            }

            var code = parse.GetValue(commune)!;
            if (code.Length != 5 || !code.All(c => c is >= '0' and <= '9'))
            {
                throw new CliUsageException($"--commune: '{code}' is not a 5-digit commune code.");
            }

            var today = VietnamTime.ToVietnamTime(DateTimeOffset.UtcNow).Date;
            var givenTo = parse.GetValue(to);
            var givenFrom = parse.GetValue(from);
            var last = givenTo is null ? today : ParseDate("--to", givenTo);
            var first = givenFrom is null ? (givenTo is null ? today : last) : ParseDate("--from", givenFrom);
            if (last < first)
            {
                throw new CliUsageException($"--from {Day(first)} is after --to {Day(last)}.");
            }

            var csvPath = parse.GetValue(csv);
            if (csvPath is not null)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(csvPath));
                if (folder is not null && !Directory.Exists(folder))
                {
                    throw new CliUsageException($"--csv: the folder '{folder}' does not exist.");
                }
            }

            using var log = SqliteRadioPlayLog.Open(path);
            var entries = await log.QueryAsync(code, first, last, ct).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                var message = $"no play-log entry for commune {code} from {Day(first)} to {Day(last)}.";
                throw new CliInputException(message, new InvalidOperationException(message));
            }

            if (csvPath is not null)
            {
                await RadioPlayLogCsv.WriteFileAsync(csvPath, entries, ct).ConfigureAwait(false);
                await stdout.WriteLineAsync($"{entries.Count.ToString(CultureInfo.InvariantCulture)} entries written to {Path.GetFullPath(csvPath)}").ConfigureAwait(false);
                return NbcommsApp.Success;
            }

            foreach (var e in entries)
            {
                var line = e.ToString();
                await stdout.WriteLineAsync(e.Reason is null ? line : line + " " + NbcommsApp.OneLine(e.Reason)).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime ParseDate(string option, string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"{option}: '{text}' is not a date of the form 2026-03-15.");
}
