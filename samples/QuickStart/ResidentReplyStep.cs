using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NinhBinh.Comms.Emulator;
using NinhBinh.Comms.Zalo;
using NinhBinh.Comms.Zalo.AspNetCore;

/// <summary>
/// Step 6 of the quick start: a resident answers the emergency. The emulator delivers the reply as a signed webhook
/// (and, as Zalo sometimes does, a second time) to an endpoint this demo hosts on loopback with MapZaloWebhook; it is
/// verified, handled once and printed.
/// </summary>
internal static class ResidentReplyStep
{
    private const string App = "demo-app";
    private const string OaSecretKey = "demo-oa-secret-key";
    private const string Resident = "1000000000000000002"; // a seeded follower who interacted this week

    public static async Task<bool> RunAsync(ZaloEmulator emulator, CancellationToken cancellationToken = default)
    {
        Console.WriteLine("6. A resident replies; the emulator delivers it twice as a signed webhook");
        var handled = new TaskCompletionSource<ZaloMessageEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(handled);
        builder.Services.AddZaloWebhooks(o =>
        {
            o.Verification.AppId = App;
            o.Verification.Secret = OaSecretKey; // Zalo:OaSecretKey in a real app
            o.MaxConcurrency = 1;
        });
        builder.Services.AddZaloEventHandler<ZaloMessageEvent, PrintReply>();
        await using var app = builder.Build();
        app.MapZaloWebhook("/zalo/webhook");

        var duplicates = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ZaloWebhookEndpointExtensions.MeterName && instrument.Name == "nbcomms.zalo.webhook.duplicates")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref duplicates, (int)value));
        listener.Start();

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.RegisterWebhook(App, new Uri(new Uri(address), "/zalo/webhook"), OaSecretKey);

        emulator.SendUserText(App, "demo-oa", Resident, "Gia đình tôi đã nhận cảnh báo và di chuyển lên nhà văn hóa thôn.", duplicate: true);
        var deliveries = emulator.GetWebhookDeliveries();
        foreach (var delivery in deliveries)
        {
            var done = await emulator.WaitForWebhookAttemptsAsync(delivery.Id, 1, cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            Console.WriteLine($"   delivery {done.Id}: HTTP {done.Attempts[0].StatusCode}");
        }

        var reply = await handled.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        for (var i = 0; i < 100 && Volatile.Read(ref duplicates) == 0; i++)
        {
            await Task.Delay(20, cancellationToken); // the second copy is still in the queue
        }

        Console.WriteLine($"   handled once: {reply.Kind} from {reply.UserId} (msg_id {reply.MessageId}): \"{reply.Text}\"");
        Console.WriteLine($"   duplicate deliveries ignored: {Volatile.Read(ref duplicates)}");
        await app.StopAsync(cancellationToken);
        return deliveries.Count == 2 && Volatile.Read(ref duplicates) == 1;
    }

    private sealed class PrintReply(TaskCompletionSource<ZaloMessageEvent> handled) : IZaloEventHandler<ZaloMessageEvent>
    {
        public Task HandleAsync(ZaloMessageEvent webhookEvent, CancellationToken cancellationToken)
        {
            // A second call would fail TrySetResult: the dedupe store makes sure there is none.
            if (!handled.TrySetResult(webhookEvent))
            {
                throw new InvalidOperationException("The reply was handled twice.");
            }

            return Task.CompletedTask;
        }
    }
}
