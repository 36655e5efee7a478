using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace NinhBinh.Comms.Zalo.Tests;

public class ZaloUploadTests
{
    private const string Oa = "oa-1";
    private const int OneMb = 1024 * 1024;
    private const int FiveMb = 5 * 1024 * 1024;
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly byte[] Jpg = [0xFF, 0xD8, 0xFF, 0xE0];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Gif = "GIF89a"u8.ToArray();
    private static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] Doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Docx = [0x50, 0x4B, 0x03, 0x04];

    private static byte[] File(byte[] magic, int length)
    {
        var content = new byte[length];
        magic.CopyTo(content, 0);
        for (var i = magic.Length; i < length; i++)
        {
            content[i] = (byte)'a';
        }

        return content;
    }

    private static ZaloOfficialAccountClient Client(StubZaloHandler handler, TimeProvider time)
    {
        var options = new ZaloClientOptions
        {
            AppId = "app-1",
            AppSecret = "app-secret-VALUE-123",
            OpenApiBaseUrl = new Uri("http://openapi.test/"),
            OAuthBaseUrl = new Uri("http://oauth.test/"),
            Retry = new ZaloRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        var store = new InMemoryZaloTokenStore();
        var issued = time.GetUtcNow();
        store.SaveAsync(Oa, new ZaloTokenSet("access-1", "refresh-1", issued.AddHours(25), issued.AddDays(90), issued)).GetAwaiter().GetResult();
        return new ZaloClientFactory(options, store, time, null, handler).GetClient(Oa);
    }

    private static HttpResponseMessage Uploaded(RecordedRequest request)
        => StubZaloHandler.Json(request.Path.EndsWith("/file", StringComparison.Ordinal)
            ? """{"error":0,"message":"Success","data":{"token":"file-token-1"}}"""
            : """{"error":0,"message":"Success","data":{"attachment_id":"att-1"}}""");

    public static TheoryData<string, byte[], int, ZaloUploadKind, string> AtTheLimit => new()
    {
        { "anh.jpg", Jpg, OneMb, ZaloUploadKind.Image, "/v2.0/oa/upload/image" },
        { "anh.PNG", Png, OneMb, ZaloUploadKind.Image, "/v2.0/oa/upload/image" },
        { "dong.gif", Gif, FiveMb, ZaloUploadKind.Gif, "/v2.0/oa/upload/gif" },
        { "congvan.pdf", Pdf, FiveMb, ZaloUploadKind.File, "/v2.0/oa/upload/file" },
        { "congvan.doc", Doc, FiveMb, ZaloUploadKind.File, "/v2.0/oa/upload/file" },
        { "congvan.docx", Docx, FiveMb, ZaloUploadKind.File, "/v2.0/oa/upload/file" },
    };

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public async Task An_upload_at_its_limit_goes_to_its_endpoint_and_carries_a_seven_day_expiry(string name, byte[] magic, int limit, ZaloUploadKind kind, string path)
    {
        var time = new FakeTimeProvider(Now);
        var handler = new StubZaloHandler((r, _) => Uploaded(r));

        var result = await Client(handler, time).UploadAsync(name, File(magic, limit));

        Assert.Equal(kind, result.Kind);
        Assert.Equal(kind == ZaloUploadKind.File ? "file-token-1" : "att-1", result.Id);
        Assert.Equal(Now.AddDays(7), result.ExpiresAt);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(path, request.Path);
        Assert.Contains("name=file", request.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public async Task An_upload_one_byte_over_its_limit_is_refused_before_anything_is_sent(string name, byte[] magic, int limit, ZaloUploadKind kind, string path)
    {
        _ = (kind, path);
        var handler = new StubZaloHandler((r, _) => Uploaded(r));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler, new FakeTimeProvider(Now)).UploadAsync(name, File(magic, limit + 1)));

        Assert.Equal("content", error.ParamName);
        Assert.Contains($"at most {limit} bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("anh.png", "jpg")] // a JPEG named .png
    [InlineData("congvan.pdf", "jpg")]
    [InlineData("anh.gif", "jpg")]
    public async Task A_mislabelled_upload_is_refused_before_anything_is_sent(string name, string actual)
    {
        var handler = new StubZaloHandler((r, _) => Uploaded(r));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler, new FakeTimeProvider(Now)).UploadAsync(name, File(Jpg, 100)));

        Assert.Contains($"its content is {actual}", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("virus.exe", "fileName")]
    [InlineData("", "fileName")]
    [InlineData("notes.txt", "fileName")]
    public async Task An_unaccepted_name_is_refused(string name, string param)
    {
        var handler = new StubZaloHandler((r, _) => Uploaded(r));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler, new FakeTimeProvider(Now)).UploadAsync(name, File(Pdf, 100)));

        Assert.Equal(param, error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Content_of_no_accepted_type_and_empty_content_are_refused()
    {
        var handler = new StubZaloHandler((r, _) => Uploaded(r));
        var client = Client(handler, new FakeTimeProvider(Now));

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadAsync("congvan.pdf", Encoding.ASCII.GetBytes("plain text, not a pdf")));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadAsync("congvan.pdf", []));

        Assert.Contains("not a JPEG, PNG, GIF, PDF, DOC or DOCX", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_retried_upload_resends_the_whole_body()
    {
        // -32 (rate limited) means Zalo did not act, so even an at-most-once upload is repeated.
        var handler = new StubZaloHandler((r, n) => n == 1
            ? StubZaloHandler.Json("""{"error":-32,"message":"Request exceeds the limit"}""")
            : Uploaded(r));
        var content = File(Pdf, 200_000);
        content[^1] = (byte)'Z';

        var result = await Client(handler, TimeProvider.System).UploadAsync("congvan.pdf", content);

        Assert.Equal("file-token-1", result.Id);
        var requests = handler.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Contains("%PDF-1.7", requests[1].Body, StringComparison.Ordinal);
        Assert.Contains(new string('a', 1000) + "Z", requests[1].Body, StringComparison.Ordinal);
        Assert.True(requests[1].Body.Length > content.Length, "the second attempt carried the whole file");
    }

    [Fact]
    public async Task Sending_with_an_expired_upload_says_it_expired()
    {
        var handler = new StubZaloHandler((_, _) => StubZaloHandler.Json("""{"error":-100,"message":"attachment expired"}"""));

        var error = await Assert.ThrowsAnyAsync<ZaloException>(() => Client(handler, new FakeTimeProvider(Now)).UploadAsync("anh.jpg", File(Jpg, 10)));

        Assert.Equal(ZaloErrorCodes.AttachmentExpired, error.ZaloCode);
        Assert.Contains("7 days", error.Message, StringComparison.Ordinal);
    }
}
