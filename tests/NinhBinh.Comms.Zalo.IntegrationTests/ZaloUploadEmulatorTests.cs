using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

public class ZaloUploadEmulatorTests
{
    private const string User = "8451000000000000001";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static byte[] Png(int length)
    {
        var content = new byte[length];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(content, 0);
        return content;
    }

    [Fact]
    public async Task An_uploaded_image_can_be_sent_for_seven_days_and_then_answers_attachment_expired()
    {
        var time = new FakeTimeProvider(Morning);
        await using var emulator = await Harness.StartAsync(time);
        emulator.AddFollower(Harness.Oa, User, lastInteraction: Morning);
        var store = new InMemoryZaloTokenStore();
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        using var factory = new ZaloClientFactory(Harness.Options(emulator), store, time);
        var oa = factory.GetClient(Harness.Oa);

        var upload = await oa.UploadAsync("ban-do-ngap.png", Png(1024 * 1024));
        await oa.SendConsultationAsync(ZaloRecipient.User(User), ZaloMessage.CreateImageFromAttachment(upload.Id));

        Assert.Equal(ZaloUploadKind.Image, upload.Kind);
        Assert.Equal(Morning.AddDays(7), upload.ExpiresAt);
        Assert.Equal(1, emulator.GetUploadCount(Harness.Oa));

        time.Advance(TimeSpan.FromDays(7));
        emulator.RecordInteraction(Harness.Oa, User, time.GetUtcNow());
        await Harness.SeedGrantAsync(emulator, store, time.GetUtcNow());
        var expired = await Assert.ThrowsAsync<ZaloInvalidRequestException>(
            () => oa.SendConsultationAsync(ZaloRecipient.User(User), ZaloMessage.CreateImageFromAttachment(upload.Id)));
        Assert.Equal(ZaloErrorCodes.AttachmentExpired, expired.ZaloCode);
    }

    [Theory]
    [InlineData("image", 1024 * 1024 + 1, -210)] // over the image limit
    [InlineData("gif", 100, -201)] // a PNG sent as a gif
    public async Task The_emulator_enforces_type_and_size_itself(string kind, int length, int code)
    {
        await using var emulator = await Harness.StartAsync();
        var (access, _) = emulator.IssueTokens(Harness.App, Harness.Oa);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri, $"v2.0/oa/upload/{kind}"));
        request.Headers.Add("access_token", access);
        var file = new ByteArrayContent(Png(length));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        request.Content = new MultipartFormDataContent { { file, "file", "anh.png" } };

        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(code, body.RootElement.GetProperty("error").GetInt32());
        Assert.Equal(0, emulator.GetUploadCount(Harness.Oa));
    }
}
