using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Emulator;

/// <summary>Standalone entry point: <c>dotnet run --project src/NinhBinh.Comms.Emulator -- [--port N]</c>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var port = 0;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--port" or "-p" && i + 1 < args.Length
                && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 65535)
            {
                port = parsed;
                i++;
            }
            else if (args[i].StartsWith("--port=", StringComparison.Ordinal)
                && int.TryParse(args[i]["--port=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out parsed) && parsed <= 65535)
            {
                port = parsed;
            }
            else
            {
                await Console.Error.WriteLineAsync("usage: NinhBinh.Comms.Emulator [--port N]").ConfigureAwait(false);
                return 2;
            }
        }

        using var done = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            done.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            done.Cancel();
        });

        await using var emulator = await ZaloEmulator.StartAsync(new ZaloEmulatorOptions { Port = port }).ConfigureAwait(false);
        var (accessToken, refreshToken) = emulator.SeedDemo();
        Console.WriteLine($"Zalo OpenAPI: {emulator.BaseUri}");
        Console.WriteLine($"Zalo OAuth: {emulator.BaseUri}");
        Console.WriteLine($"Zalo Business: {emulator.BaseUri}");
        Console.WriteLine($"access_token={accessToken}");
        Console.WriteLine($"refresh_token={refreshToken}");
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, done.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        return 0;
    }
}
