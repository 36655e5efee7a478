using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms emulator start</c>: the Zalo emulator in the foreground.</summary>
internal static class EmulatorCommands
{
    public static Command Create(TextWriter stdout)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 0 };
        var store = new Option<DirectoryInfo?>("--token-store") { Description = "Store the demo OA's tokens in this folder (a file token store)." };
        var start = new Command("start", "Run the emulator in the foreground and print its base URLs; Ctrl+C stops it.") { port, store };
        start.SetAction(async (parse, ct) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                throw new CliUsageException("--port must be between 0 and 65535.");
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { Port = portValue }, ct).ConfigureAwait(false);
            var (accessToken, refreshToken) = emulator.SeedDemo();
            var baseUrl = emulator.BaseUri.AbsoluteUri;
            await stdout.WriteLineAsync($"Zalo OpenAPI: {baseUrl}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"Zalo OAuth: {baseUrl}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"Zalo Business: {baseUrl}").ConfigureAwait(false);
            await stdout.WriteLineAsync("Demo app: AppId=demo-app AppSecret=demo-secret; demo OA: demo-oa").ConfigureAwait(false);
            if (parse.GetValue(store) is { } folder)
            {
                var now = DateTimeOffset.UtcNow;
                await new FileZaloTokenStore(folder.FullName).SaveAsync("demo-oa",
                    new ZaloTokenSet(accessToken, refreshToken, now.AddHours(25), now.AddDays(90), now), ct).ConfigureAwait(false);
                await stdout.WriteLineAsync($"Stored the demo OA's tokens in {folder.FullName}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync("Running; press Ctrl+C to stop.").ConfigureAwait(false);
            await stdout.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }

            return NbcommsApp.Success;
        });

        var emulatorCommand = new Command("emulator", "The local Zalo emulator (loopback only).");
        emulatorCommand.Subcommands.Add(start);
        emulatorCommand.Subcommands.Add(RadioCommands.EmulatorSpeakers(stdout));
        emulatorCommand.Subcommands.Add(BoardCommands.EmulatorXibo(stdout));
        emulatorCommand.Subcommands.Add(BoardAnthiasCommands.EmulatorAnthias(stdout));
        return emulatorCommand;
    }
}
