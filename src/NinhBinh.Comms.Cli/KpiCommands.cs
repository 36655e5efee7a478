using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Metrics;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms kpi …</c>: the KPI store, totals, indicators and the yearly report; a contract other tools script against, keep names and options stable.</summary>
internal static class KpiCommands
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var kpi = new Command("kpi", "KPI figures of policy communication: import CSV, totals by the aggregation rules, the plan's indicators, the yearly report.");
        kpi.Subcommands.Add(Import(stdout));
        kpi.Subcommands.Add(Total(stdout, stderr));
        kpi.Subcommands.Add(Indicators(stdout));
        kpi.Subcommands.Add(Rollup(stdout));
        kpi.Subcommands.Add(Report(stdout));
        return kpi;
    }

    private static Option<string> StoreOption(bool mustExist) => new("--store")
    {
        Description = mustExist ? "The KPI store (a SQLite file made by 'kpi import')." : "The KPI store: a SQLite file, created when missing.",
        Required = true,
    };

    private static Option<string> UnitOption() => new("--unit")
    {
        Description = "A province (2 digits, e.g. 37) or commune (5 digits) code; an old code is mapped to its successor.",
        Required = true,
    };

    private static Command Import(TextWriter stdout)
    {
        var store = StoreOption(mustExist: false);
        var files = new Argument<string[]>("file") { Description = "Observation, channel-inventory or record (content items, topics, campaigns, agencies, training) CSV files, told apart by their header.", Arity = ArgumentArity.OneOrMore };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Import the good rows of a file that has bad ones (the bad rows are still listed)." };
        var command = new Command("import", $"""
            Import KPI CSV files (UTF-8, BOM optional) into the store. Observation files have the header
              {KpiCsv.ObservationHeader}
            channel inventories the header
              {KpiCsv.InventoryHeader}
            and the record files (lists inside a field separated by ';'; import topics and campaigns before content items,
            agencies before training records):
              {KpiRecordCsv.ContentItemHeader}
              {KpiRecordCsv.TopicHeader}
              {KpiRecordCsv.CampaignHeader}
              {KpiRecordCsv.AgencyHeader}
              {KpiRecordCsv.TrainingHeader}
            Importing the same rows again never double-counts ("already there"); a figure with a later retrieved_at replaces
            the stored one and is listed as replaced; a different figure that is not retrieved later is kept out and listed.
            Prints per file: <file>: <n> imported, <m> already there[, <r> replaced][, <k> kept out].
            A file with bad rows prints <file>:<line>: <reason> per bad row and imports nothing, unless --skip-bad-rows.
            Exit 0 when everything was imported, 1 when any row was bad or kept out.
            """) { store, files, skip };
        command.SetAction(async (parse, ct) =>
        {
            using var kpiStore = OpenStore(parse.GetValue(store)!, mustExist: false);
            var ok = true;
            foreach (var file in parse.GetValue(files)!)
            {
                KpiCsvContent content;
                try
                {
                    if (KpiRecordCsv.TryGetKind(FirstLine(file), out _))
                    {
                        // Content items, topics, campaigns, agencies or training records (told apart by their header).
                        ok &= await ImportRecordsAsync(stdout, kpiStore, file, KpiRecordCsv.ReadFile(file), parse.GetValue(skip), ct).ConfigureAwait(false);
                        continue;
                    }

                    content = KpiCsv.ReadFile(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await stdout.WriteLineAsync($"{file}:0: cannot be read: {NbcommsApp.OneLine(ex.Message)}").ConfigureAwait(false);
                    ok = false;
                    continue;
                }

                foreach (var problem in content.Problems)
                {
                    await stdout.WriteLineAsync($"{file}:{problem.Line.ToString(CultureInfo.InvariantCulture)}: {NbcommsApp.OneLine(problem.Reason)}").ConfigureAwait(false);
                }

                if (!content.IsValid)
                {
                    ok = false;
                    if (!parse.GetValue(skip))
                    {
                        await stdout.WriteLineAsync($"{file}: 0 imported ({content.Problems.Count} bad rows; nothing imported from this file)").ConfigureAwait(false);
                        continue;
                    }
                }

                var result = content.IsInventory
                    ? await kpiStore.ImportChannelsAsync(content.Channels, ct).ConfigureAwait(false)
                    : await kpiStore.ImportAsync(content.Observations, ct).ConfigureAwait(false);
                var line = $"{file}: {result.Imported} imported, {result.AlreadyThere} already there";
                if (result.Replaced.Count > 0)
                {
                    line += $", {result.Replaced.Count} replaced";
                }

                if (result.KeptEarlier.Count > 0)
                {
                    line += $", {result.KeptEarlier.Count} kept out";
                    ok = false;
                }

                await stdout.WriteLineAsync(line).ConfigureAwait(false);
                foreach (var o in result.Replaced)
                {
                    await stdout.WriteLineAsync($"{file}: replaced {Describe(o)}: a later retrieved_at ({o.RetrievedAt:yyyy-MM-dd'T'HH:mm:sszzz}) revises the stored figure").ConfigureAwait(false);
                }

                foreach (var o in result.KeptEarlier)
                {
                    await stdout.WriteLineAsync($"{file}: kept out {Describe(o)}: {KpiAggregator.Format(o.Value)} differs from the stored figure and is not retrieved later (give a later retrieved_at to revise it)").ConfigureAwait(false);
                }
            }

            return ok ? NbcommsApp.Success : NbcommsApp.Refused;
        });
        return command;
    }

    private static Command Total(TextWriter stdout, TextWriter stderr)
    {
        var store = StoreOption(mustExist: true);
        var unit = UnitOption();
        var metric = new Option<string>("--metric") { Description = "A canonical metric key: " + string.Join(", ", MetricCatalog.All.Select(d => d.Key)) + ".", Required = true };
        var period = new Option<string?>("--period") { Description = "year:2026, half:2026-1, quarter:2026-2, month:2026-03 or nine-months:2026 (statistical periods of Nghị định 09/2019 unless --calendar)." };
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd, Vietnam date), with --to instead of --period." };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd), inclusive." };
        var platform = new Option<string?>("--platform") { Description = "Only one platform: zalo, facebook, youtube, tiktok, web, radio, board, other." };
        var calendar = new Option<bool>("--calendar") { Description = "Calendar periods (month = 1st to last day) instead of statistical ones (15th to 14th)." };
        var command = new Command("total", """
            Print the figure of a metric for a unit (a province includes its communes) over a period, alone on the first line.
            Sums add; uniques (audience.reach) are never added across days, channels or platforms; snapshots (audience.followers)
            take each channel's last value at or before the period's end; engagement.rate is recomputed from its parts;
            lifetime counters (*.lifetime) give their growth: the last reading at or before the period's end minus the last
            reading before its start. A flagged figure (no earlier reading, or a counter that went down: a reset) is still
            printed, with one 'warning: …' line per flag on stderr (exit 0).
            When the figure cannot be computed honestly, prints why on stderr and exits 1.
            """) { store, unit, metric, period, from, to, platform, calendar };
        command.SetAction(async (parse, ct) =>
        {
            var (start, end) = PeriodOf(parse.GetValue(period), parse.GetValue(from), parse.GetValue(to), parse.GetValue(calendar));
            KpiPlatform? only = null;
            if (parse.GetValue(platform) is { } p)
            {
                only = MetricCatalog.TryParsePlatform(p, out var parsed) ? parsed
                    : throw new CliUsageException($"--platform: '{p}' is not one of zalo, facebook, youtube, tiktok, web, radio, board, other.");
            }

            using var kpiStore = OpenStore(parse.GetValue(store)!, mustExist: true);
            var figure = await new KpiAggregator(kpiStore).TotalAsync(parse.GetValue(unit)!, parse.GetValue(metric)!, start, end, only, ct).ConfigureAwait(false);
            if (figure.Value is not { } value)
            {
                throw new CliInputException($"no honest figure: {figure.Explanation}", new InvalidOperationException(figure.Explanation));
            }

            await stdout.WriteLineAsync(KpiAggregator.Format(value)).ConfigureAwait(false);
            foreach (var warning in figure.Warnings)
            {
                await stderr.WriteLineAsync("warning: " + NbcommsApp.OneLine(warning)).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Rollup(TextWriter stdout)
    {
        var store = StoreOption(mustExist: true);
        var unit = UnitOption();
        var by = new Option<string>("--by") { Description = "topic or campaign.", Required = true };
        var period = new Option<string>("--period") { Description = "year:2026, half:2026-1, quarter:2026-2, month:2026-03 or nine-months:2026 (statistical unless --calendar).", Required = true };
        var platform = new Option<string?>("--platform") { Description = "Only one platform: zalo, facebook, youtube, tiktok, web, radio, board, other." };
        var calendar = new Option<bool>("--calendar") { Description = "Calendar periods instead of statistical ones." };
        var command = new Command("rollup", """
            Print the content items of a unit (a province includes its communes) published in a period, by topic or by
            campaign, one line per key, most items first: <key><TAB><items><TAB><channels><TAB><name>; items with no topic
            (or campaign) under the key '-'. An item with two topics counts under each, so the lines do not add up to the total.
            Counts come from imported content items (not from observations).
            """) { store, unit, by, period, platform, calendar };
        command.SetAction(async (parse, ct) =>
        {
            var byTopic = parse.GetValue(by) switch
            {
                "topic" => true,
                "campaign" => false,
                var other => throw new CliUsageException($"--by: '{other}' is not topic or campaign."),
            };
            ReportingPeriod reportingPeriod;
            try
            {
                reportingPeriod = ReportingPeriod.Parse(parse.GetValue(period)!, parse.GetValue(calendar));
            }
            catch (FormatException ex)
            {
                throw new CliUsageException("--period: " + ex.Message);
            }

            KpiPlatform? only = null;
            if (parse.GetValue(platform) is { } p)
            {
                only = MetricCatalog.TryParsePlatform(p, out var parsed) ? parsed
                    : throw new CliUsageException($"--platform: '{p}' is not one of zalo, facebook, youtube, tiktok, web, radio, board, other.");
            }

            using var kpiStore = OpenStore(parse.GetValue(store)!, mustExist: true);
            var aggregator = new KpiAggregator(kpiStore);
            var rows = byTopic
                ? await aggregator.ByTopicAsync(parse.GetValue(unit)!, reportingPeriod, only, ct).ConfigureAwait(false)
                : await aggregator.ByCampaignAsync(parse.GetValue(unit)!, reportingPeriod, only, ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await stdout.WriteLineAsync(string.Join("\t", row.Key ?? "-", row.Items.ToString(CultureInfo.InvariantCulture), row.Channels.ToString(CultureInfo.InvariantCulture), NbcommsApp.OneLine(row.Name))).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Indicators(TextWriter stdout)
    {
        var store = StoreOption(mustExist: true);
        var unit = UnitOption();
        var asOf = new Option<string>("--as-of") { Description = "The Vietnam date (yyyy-MM-dd) to evaluate the indicators for.", Required = true };
        var command = new Command("indicators", """
            Print the plan's indicators for a unit on a date, one per line: <key> <numerator>/<denominator> <status>
            (status: met, on-track or behind). Keys: zalo-oa-coverage, ip-radio-coverage, eboard-coverage,
            social-accounts-per-agency, training-coverage, report-on-time. Coverage counts the communes in force on the date.
            """) { store, unit, asOf };
        command.SetAction(async (parse, ct) =>
        {
            var date = ParseDate("--as-of", parse.GetValue(asOf)!);
            using var kpiStore = OpenStore(parse.GetValue(store)!, mustExist: true);
            foreach (var result in await new KpiIndicators(kpiStore).EvaluateAsync(parse.GetValue(unit)!, date, ct).ConfigureAwait(false))
            {
                await stdout.WriteLineAsync(result.ToString()).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Report(TextWriter stdout)
    {
        var store = StoreOption(mustExist: true);
        var unit = UnitOption();
        var year = new Option<int>("--year") { Description = "The report's year (its statistical year: 15 December of the year before to 14 December).", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write into (created when missing).", Required = true };
        var command = new Command("report", """
            Write the yearly report of a unit as JSON, CSV (UTF-8 with BOM) and one self-contained HTML page with inline SVG
            charts: kpi-report-<unit>-<year>.json/.csv/.html in the --out folder. Prints the three paths.
            """) { store, unit, year, output };
        command.SetAction(async (parse, ct) =>
        {
            var y = parse.GetValue(year);
            if (y is < 2000 or > 2100)
            {
                throw new CliUsageException($"--year: {y} is not a year between 2000 and 2100.");
            }

            using var kpiStore = OpenStore(parse.GetValue(store)!, mustExist: true);
            var report = await KpiYearReport.CreateAsync(kpiStore, parse.GetValue(unit)!, y, cancellationToken: ct).ConfigureAwait(false);
            foreach (var path in report.WriteFiles(parse.GetValue(output)!))
            {
                await stdout.WriteLineAsync(Path.GetFullPath(path)).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static SqliteKpiStore OpenStore(string path, bool mustExist)
    {
        if (mustExist && !File.Exists(path))
        {
            throw new CliUsageException($"--store: the file '{Path.GetFullPath(path)}' does not exist (create it with 'nbcomms kpi import').");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliUsageException($"--store: the folder '{folder}' does not exist.");
        }

        return SqliteKpiStore.Open(path);
    }

    private static (DateTime From, DateTime To) PeriodOf(string? period, string? from, string? to, bool calendar)
    {
        if (period is not null)
        {
            if (from is not null || to is not null)
            {
                throw new CliUsageException("give either --period or --from and --to, not both.");
            }

            try
            {
                var p = ReportingPeriod.Parse(period, calendar);
                return (p.Start, p.End);
            }
            catch (FormatException ex)
            {
                throw new CliUsageException("--period: " + ex.Message);
            }
        }

        if (from is null || to is null)
        {
            throw new CliUsageException("give --period, or both --from and --to.");
        }

        var start = ParseDate("--from", from);
        var end = ParseDate("--to", to);
        return end < start ? throw new CliUsageException($"--to {to} is before --from {from}.") : (start, end);
    }

    private static DateTime ParseDate(string option, string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"{option}: '{text}' is not a date of the form 2026-03-15.");

    private static string Describe(MetricObservation o) =>
        $"{o.UnitCode},{o.Channel},{MetricCatalog.PlatformName(o.Platform)},{o.Metric},{o.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{o.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string FirstLine(string file)
    {
        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine() ?? string.Empty;
    }

    private static async Task<bool> ImportRecordsAsync(TextWriter stdout, IKpiStore store, string file, KpiRecordContent records, bool skipBadRows, CancellationToken cancellationToken)
    {
        foreach (var problem in records.Problems)
        {
            await stdout.WriteLineAsync($"{file}:{problem.Line.ToString(CultureInfo.InvariantCulture)}: {NbcommsApp.OneLine(problem.Reason)}").ConfigureAwait(false);
        }

        if (!records.IsValid && !skipBadRows)
        {
            await stdout.WriteLineAsync($"{file}: 0 imported ({records.Problems.Count} bad rows; nothing imported from this file)").ConfigureAwait(false);
            return false;
        }

        var result = await records.ImportAsync(store, cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync($"{file}: {result.Imported} imported, {result.AlreadyThere} already there").ConfigureAwait(false);
        return records.IsValid;
    }
}
