using System;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms radio …</c> as processes against a real mosquitto: the output lines and exit codes of issue 7.</summary>
[Collection("processes")]
public class RadioCliTests
{
    [MosquittoFact]
    public async Task Play_prints_one_line_per_device_and_exits_1_when_one_is_offline_through_its_last_will()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var a = await TestSpeaker.StartAsync(broker.Uri, "14360", "spk-1", TestSpeaker.Answer.Ack);
        await using var b = await TestSpeaker.StartAsync(broker.Uri, "14360", "spk-2", TestSpeaker.Answer.Ack);
        await using var c = await TestSpeaker.StartAsync(broker.Uri, "14360", "spk-3", TestSpeaker.Answer.Ack);
        await c.DropAsync();

        var run = await Harness.RunCliAsync(null, "radio", "play", "--broker", broker.Uri.ToString(), "--commune", "14360", "--priority", "emergency", "--text", "Bão số 3 đổ bộ vào Ninh Bình.", "--timeout", "20");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { "spk-1 acked", "spk-2 acked", "spk-3 offline" }, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal((1, 1, 0), (a.Commands, b.Commands, c.Commands));
    }

    [MosquittoFact]
    public async Task Play_exits_0_when_every_device_acked_and_status_lists_them_online()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var a = await TestSpeaker.StartAsync(broker.Uri, "14361", "spk-9", TestSpeaker.Answer.Ack);
        using var web = AudioServer.Start("audio/mpeg", out var root);

        var play = await Harness.RunCliAsync(null, "radio", "play", "--broker", broker.Uri.ToString(), "--commune", "14361", "--priority", "normal", "--url", new Uri(root, "ban-tin.mp3").ToString());
        var status = await Harness.RunCliAsync(null, "radio", "status", "--broker", broker.Uri.ToString(), "--commune", "14361");

        Assert.Equal((0, "spk-9 acked"), (play.ExitCode, play.Stdout.Trim()));
        Assert.Equal(0, status.ExitCode);
        Assert.StartsWith("spk-9 online last-seen=", status.Stdout.Trim(), StringComparison.Ordinal);
        Assert.Contains(" volume=60 firmware=test-1.0", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Play_exits_2_without_a_broker_or_with_both_text_and_url()
    {
        var noBroker = await Harness.RunCliAsync(null, "radio", "play", "--commune", "14361", "--priority", "normal", "--text", "x");
        var both = await Harness.RunCliAsync(null, "radio", "play", "--broker", "mqtt://127.0.0.1:1", "--commune", "14361", "--priority", "normal", "--text", "x", "--url", "https://a.vn/a.mp3");

        Assert.Equal(2, noBroker.ExitCode);
        Assert.Contains("--broker", noBroker.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("exactly one of --text or --url", both.Stderr, StringComparison.Ordinal);
    }
    [MosquittoFact]
    public async Task Play_refuses_a_url_that_is_not_audio_before_anything_is_sent()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var a = await TestSpeaker.StartAsync(broker.Uri, "14362", "spk-8", TestSpeaker.Answer.Ack);
        using var web = AudioServer.Start("text/html; charset=utf-8", out var root);

        var play = await Harness.RunCliAsync(null, "radio", "play", "--broker", broker.Uri.ToString(), "--commune", "14362", "--priority", "emergency", "--url", new Uri(root, "tin-tuc.html").ToString());

        Assert.Equal(1, play.ExitCode);
        Assert.Contains("text/html", play.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, play.Stdout.Trim());
        Assert.Equal(0, a.Commands);
    }

    /// <summary>A loopback HTTP server answering every request with a small body of one content type.</summary>
    private static class AudioServer
    {
        public static System.Net.HttpListener Start(string contentType, out Uri root)
        {
            var listener = new System.Net.HttpListener();
            using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                root = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}/");
            }

            listener.Prefixes.Add(root.ToString());
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    System.Net.HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    context.Response.ContentType = contentType;
                    var body = "ID3\u0003\u0000"u8.ToArray();
                    context.Response.ContentLength64 = body.Length;
                    if (context.Request.HttpMethod != "HEAD")
                    {
                        await context.Response.OutputStream.WriteAsync(body);
                    }

                    context.Response.Close();
                }
            });
            return listener;
        }
    }
}

/// <summary><c>nbcomms emulator speakers</c> as a process, driven by <c>nbcomms radio</c>.</summary>
[Collection("processes")]
public class EmulatorSpeakersCliTests
{
    [MosquittoFact]
    public async Task Emulated_speakers_print_ready_ack_a_play_and_go_offline_on_SIGTERM_with_ids_unique_across_runs()
    {
        using var broker = await MosquittoBroker.StartAsync();
        var first = await StartSpeakersAsync(broker, 3);
        var second = await StartSpeakersAsync(broker, 1);
        try
        {
            Assert.Equal(3, first.Ids.Distinct().Count());
            Assert.DoesNotContain(second.Ids[0], first.Ids);

            var play = await Harness.RunCliAsync(null, "radio", "play", "--broker", broker.Uri.ToString(), "--commune", "14380", "--priority", "emergency", "--text", "Bão số 3.", "--timeout", "20");

            Assert.Equal(0, play.ExitCode);
            Assert.Equal(first.Ids.Concat(second.Ids).Select(id => id + " acked").OrderBy(l => l, StringComparer.Ordinal),
                play.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            await StopAsync(first.Process);
            await StopAsync(second.Process);
        }

        Assert.Equal((0, 0), (first.Process.ExitCode, second.Process.ExitCode));
        var status = await Harness.RunCliAsync(null, "radio", "status", "--broker", broker.Uri.ToString(), "--commune", "14380");
        Assert.All(status.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(" offline ", l, StringComparison.Ordinal));
        Assert.Equal(4, status.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        first.Process.Dispose();
        second.Process.Dispose();
    }

    private static async Task<(System.Diagnostics.Process Process, string[] Ids)> StartSpeakersAsync(MosquittoBroker broker, int count)
    {
        var process = Harness.Start(Harness.Cli, new[] { "emulator", "speakers", "--broker", broker.Uri.ToString(), "--commune", "14380", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var ids = new string[count];
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < count; i++)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            Assert.StartsWith("ready spk-14380-", line, StringComparison.Ordinal);
            ids[i] = line.Substring("ready ".Length);
        }

        return (process, ids);
    }

    private static async Task StopAsync(System.Diagnostics.Process process)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", new[] { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

}
