using System;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Broadcast.Radio;
using NinhBinh.Comms.Broadcast.Radio.Mqtt;
using NinhBinh.Comms.Emulator.Speakers;

namespace NinhBinh.Comms.Broadcast.Tests.Radio.Mqtt;

public sealed class MqttRadioChannelTests
{
    private static Bulletin Make(BulletinPriority priority, params string[] areas) => Bulletin.CreateBuilder()
        .WithId("bao-so-3-" + priority.ToString().ToLowerInvariant())
        .WithTitle("Bão số 3 đổ bộ vào Ninh Bình")
        .WithSummary("Người dân ở trong nhà, tránh xa cột điện.")
        .WithBody("Ban Chỉ huy phòng thủ dân sự tỉnh thông báo…")
        .WithIssuingAgency("UBND tỉnh Ninh Bình")
        .WithPriority(priority)
        .WithTargetAreas(areas)
        .Build();

    [MosquittoFact]
    public async Task An_emergency_reaches_every_speaker_of_the_targeted_communes_with_one_outcome_per_device()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var a = await TestSpeaker.StartAsync(broker.Uri, "14359", "spk-a", TestSpeaker.Answer.Ack);
        await using var b = await TestSpeaker.StartAsync(broker.Uri, "14359", "spk-b", TestSpeaker.Answer.Fail);
        await using var c = await TestSpeaker.StartAsync(broker.Uri, "14533", "spk-c", TestSpeaker.Answer.Ack);
        await using var d = await TestSpeaker.StartAsync(broker.Uri, "14533", "spk-d", TestSpeaker.Answer.Ack);
        await using var elsewhere = await TestSpeaker.StartAsync(broker.Uri, "13285", "spk-e", TestSpeaker.Answer.Ack);
        await d.DropAsync();
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        var channel = new MqttRadioChannel(client, new MqttRadioChannelOptions { AckTimeout = TimeSpan.FromSeconds(5) });

        var outcome = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "14359", "14533"));

        Assert.Equal(DeliveryStatus.PartiallyDelivered, outcome.Status);
        Assert.Equal("b-bao-so-3-emergency", outcome.ExternalId);
        Assert.Equal(
            new[] { ("14359/spk-a", DeliveryStatus.Accepted), ("14359/spk-b", DeliveryStatus.Rejected), ("14533/spk-c", DeliveryStatus.Accepted), ("14533/spk-d", DeliveryStatus.TransientFailure) },
            outcome.Targets.Select(t => (t.Target, t.Status)));
        Assert.Equal("the URL is not audio", outcome.Targets[1].Reason);
        Assert.Equal("OFFLINE", outcome.Targets[3].ErrorCode);
        Assert.Equal(new DeliveryCounts(2, 2), outcome.Recipients);
        Assert.Equal(0, elsewhere.Commands);
    }

    [MosquittoFact]
    public async Task A_bulletin_dispatched_twice_plays_once_and_a_pre_reform_code_reaches_its_successor()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var speaker = await SimulatedSpeaker.StartAsync(broker.Uri, "37", "14329", "loa-hoa-lu-1");
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        var channel = new MqttRadioChannel(client);
        var bulletin = Make(BulletinPriority.Priority, "14320"); // Phường Đông Thành, merged into Phường Hoa Lư on 2025-07-01

        var first = await channel.DeliverAsync(bulletin);
        var second = await channel.DeliverAsync(bulletin);

        Assert.Equal(DeliveryStatus.Accepted, first.Status);
        Assert.Equal(DeliveryStatus.Accepted, second.Status); // acked again…
        Assert.Equal(new[] { "b-bao-so-3-priority" }, speaker.Played); // …but played once
        Assert.Equal("14329/loa-hoa-lu-1", Assert.Single(second.Targets).Target);
    }

    [MosquittoFact]
    public async Task A_commune_without_speakers_and_areas_outside_the_province_are_said_so()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri, DiscoveryWindow = TimeSpan.FromMilliseconds(200) });
        await client.ConnectAsync();
        var channel = new MqttRadioChannel(client);

        var none = await channel.DeliverAsync(Make(BulletinPriority.Normal, "14566"));
        var outside = await channel.DeliverAsync(Make(BulletinPriority.Normal, "01"));

        Assert.Equal(DeliveryStatus.Rejected, none.Status);
        Assert.Equal("NO_SPEAKERS", none.ErrorCode);
        Assert.Contains("commune 14566 has no known speaker", none.Reason, StringComparison.Ordinal);
        Assert.Equal(("NO_STATIONS", DeliveryStatus.Rejected), (outside.ErrorCode, outside.Status));
    }

    [Fact]
    public void Command_ids_come_from_the_bulletin_id_and_stay_valid()
    {
        Assert.Equal("b-abc", MqttRadioChannel.CommandIdFor("abc"));
        var hashed = MqttRadioChannel.CommandIdFor("urn:oid:2.49.0.1.704:" + new string('x', 80));
        Assert.True(SpeakerProfile.IsValidId(hashed));
        Assert.Equal(hashed, MqttRadioChannel.CommandIdFor("urn:oid:2.49.0.1.704:" + new string('x', 80)));
        Assert.NotEqual(hashed, MqttRadioChannel.CommandIdFor("urn:oid:2.49.0.1.704:" + new string('y', 80)));
    }

    [Fact]
    public void Options_out_of_range_name_the_setting()
        => Assert.Contains("AckTimeout", Assert.Throws<ArgumentException>(() => new MqttRadioChannelOptions { AckTimeout = TimeSpan.Zero }.Validate()).Message, StringComparison.Ordinal);

    [MosquittoFact]
    public async Task An_audio_attachment_that_is_not_audio_is_refused_before_any_speaker_gets_a_command()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var speaker = await TestSpeaker.StartAsync(broker.Uri, "14359", "spk-w", TestSpeaker.Answer.Ack);
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        using var web = new System.Net.HttpListener();
        var port = FreePort();
        web.Prefixes.Add($"http://127.0.0.1:{port}/");
        web.Start();
        _ = Task.Run(async () =>
        {
            var context = await web.GetContextAsync();
            context.Response.ContentType = "text/html; charset=utf-8";
            var page = "<html>Trang tin</html>"u8.ToArray();
            await context.Response.OutputStream.WriteAsync(page);
            context.Response.Close();
        });
        var bulletin = Make(BulletinPriority.Emergency, "14359").ToBuilder()
            .WithAttachment(new BulletinAttachment(new Uri($"http://127.0.0.1:{port}/ban-tin.mp3?token=secret"), "audio/mpeg", 1000)).Build();

        var outcome = await new MqttRadioChannel(client).DeliverAsync(bulletin);

        Assert.Equal((DeliveryStatus.Rejected, "INVALID_AUDIO"), (outcome.Status, outcome.ErrorCode));
        Assert.Contains("text/html", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, speaker.Commands);
    }

    [MosquittoFact]
    public async Task With_text_to_speech_the_speakers_play_the_synthesized_audio_and_fall_back_to_speaking_when_the_provider_fails()
    {
        using var broker = await MosquittoBroker.StartAsync();
        await using var speaker = await SimulatedSpeaker.StartAsync(broker.Uri, "37", "14533", "loa-tts-1");
        await using var client = new MqttRadioClient(new MqttRadioOptions { Server = broker.Uri });
        await client.ConnectAsync();
        await using var tts = await NinhBinh.Comms.Emulator.Speech.TtsEmulator.StartAsync();
        using var http = new System.Net.Http.HttpClient();
        var provider = new NinhBinh.Comms.Broadcast.Radio.Speech.ZaloAiTextToSpeech(
            new NinhBinh.Comms.Broadcast.Radio.Speech.ZaloAiSpeechOptions { BaseUrl = tts.BaseUri, ApiKey = new NinhBinh.Comms.Emulator.Speech.TtsEmulatorOptions().ZaloAiApiKey }, http);
        var channel = new MqttRadioChannel(client, new MqttRadioChannelOptions { Speech = new NinhBinh.Comms.Broadcast.Radio.Speech.SpeechSynthesizer(provider) });

        var spoken = await channel.DeliverAsync(Make(BulletinPriority.Emergency, "14533"));
        tts.FailNext(100);
        var fallback = await channel.DeliverAsync(Make(BulletinPriority.Priority, "14533").ToBuilder().WithSummary("Mực nước sông Hoàng Long đang lên.").Build());

        Assert.Equal(DeliveryStatus.Accepted, spoken.Status);
        Assert.Equal("Bão số 3 đổ bộ vào Ninh Bình. Người dân ở trong nhà, tránh xa cột điện.", Assert.Single(tts.SynthesizedTexts)); // the second text was refused
        Assert.Equal(DeliveryStatus.Accepted, fallback.Status); // the speakers speak the text themselves
        Assert.Equal(new[] { "b-bao-so-3-emergency", "b-bao-so-3-priority" }, speaker.Played);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
