using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NinhBinh.Comms.Emulator;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

/// <summary><c>nbcomms zalo zns send</c> as a real process against the emulator (on a fake clock: a Vietnam morning, or night).</summary>
[Collection("processes")]
public class ZaloZnsCliTests
{
    private const string Template = "231245";
    private const string Phone = "0912 345 678";

    private static Dictionary<string, string> Env(Uri emulator, string store) => new()
    {
        ["NBCOMMS_Zalo__AppId"] = Harness.App,
        ["NBCOMMS_Zalo__AppSecret"] = Harness.Secret,
        ["NBCOMMS_Zalo__OpenApiBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__OAuthBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__BusinessApiBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__TokenStorePath"] = store,
        ["NBCOMMS_Zalo__DefaultOaId"] = Harness.Oa,
    };

    private static async Task<(ZaloEmulator Emulator, Dictionary<string, string> Env, string Store)> StartAsync(int vietnamHour)
    {
        // The emulator's clock stands still at the given Vietnam hour; the CLI's token store uses the real clock.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, vietnamHour, 0, 0, TimeSpan.FromHours(7)));
        var emulator = await Harness.StartAsync(time);
        emulator.RegisterZnsTemplate(Harness.Oa, Template, [new EmulatedZnsParameter("ten", "STRING", 30), new EmulatedZnsParameter("ngay_hen", "DATE", 20)]);
        var store = Harness.TempDirectory();
        await Harness.SeedGrantAsync(emulator, new FileZaloTokenStore(store), DateTimeOffset.UtcNow);
        return (emulator, Env(emulator.BaseUri, store), store);
    }

    private static string[] Send(params string[] extra)
        => ["zalo", "zns", "send", "--phone", Phone, "--template-id", Template, "--tracking-id", "hs-0001", .. extra];

    [Fact]
    public async Task Send_prints_the_message_id_and_the_message_goes_to_the_normalized_phone()
    {
        var (emulator, env, store) = await StartAsync(9);
        await using var _ = emulator;
        try
        {
            var sent = await Harness.RunCliAsync(env, Send("--param", "ten=Nguyễn Văn An", "--param", "ngay_hen=28/11/2026"));
            var development = await Harness.RunCliAsync(env, Send("--param", "ten=An", "--param", "ngay_hen=28/11/2026", "--development", "--oa-id", Harness.Oa));

            Assert.Equal(0, sent.ExitCode);
            Assert.Empty(sent.Stderr);
            var id = Assert.Single(sent.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
            Assert.Matches("^[0-9a-f]{32}$", id);
            Assert.Equal(0, development.ExitCode);
            var messages = emulator.GetSentMessages(Harness.Oa);
            Assert.Equal(2, messages.Count);
            Assert.Equal(id, messages[0].MessageId);
            Assert.Contains("\"phone\":\"84912345678\"", messages[0].RawJson, StringComparison.Ordinal);
            Assert.Contains("\"ten\":\"Nguyễn Văn An\"", messages[0].RawJson, StringComparison.Ordinal);
            Assert.DoesNotContain("\"mode\"", messages[0].RawJson, StringComparison.Ordinal);
            Assert.Contains("\"mode\":\"development\"", messages[1].RawJson, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Theory]
    [InlineData("phone", "nbcomms: --phone must be a Vietnamese mobile number")]
    [InlineData("tracking", "nbcomms: --tracking-id is 49 characters long; the limit is 48.")]
    [InlineData("missing", "nbcomms: --param: 'ngay_hen' is required by template 231245 but missing.")]
    [InlineData("long", "nbcomms: --param: 'ten' is 31 characters long; the limit is 30.")]
    [InlineData("type", "nbcomms: --param: 'ngay_hen' must be a DATE written dd/MM/yyyy.")]
    [InlineData("unknown", "nbcomms: --param: 'dia_chi' is not a parameter of template 231245 (its parameters: ten, ngay_hen).")]
    public async Task Invalid_phone_tracking_id_or_parameters_exit_1_before_anything_is_sent(string problem, string expected)
    {
        var (emulator, env, store) = await StartAsync(9);
        await using var _ = emulator;
        try
        {
            string[] args = problem switch
            {
                "phone" => ["zalo", "zns", "send", "--phone", "024 3812 3456", "--template-id", Template, "--tracking-id", "t", "--param", "ten=An", "--param", "ngay_hen=28/11/2026"],
                "tracking" => ["zalo", "zns", "send", "--phone", Phone, "--template-id", Template, "--tracking-id", new string('t', 49), "--param", "ten=An", "--param", "ngay_hen=28/11/2026"],
                "missing" => Send("--param", "ten=An"),
                "long" => Send("--param", "ten=" + new string('a', 31), "--param", "ngay_hen=28/11/2026"),
                "type" => Send("--param", "ten=An", "--param", "ngay_hen=2026-11-28"),
                _ => Send("--param", "ten=An", "--param", "ngay_hen=28/11/2026", "--param", "dia_chi=0912345678"),
            };

            var result = await Harness.RunCliAsync(env, args);

            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.Stdout);
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
            Assert.StartsWith(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("345", line, StringComparison.Ordinal); // never the phone number
            Assert.DoesNotContain("3812", line, StringComparison.Ordinal);
            Assert.Empty(emulator.GetSentMessages(Harness.Oa));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Zalo_refusals_exit_1_with_the_code_and_its_meaning()
    {
        var (emulator, env, store) = await StartAsync(23);
        await using var _ = emulator;
        try
        {
            var night = await Harness.RunCliAsync(env, Send("--param", "ten=An", "--param", "ngay_hen=28/11/2026"));
            var unknownTemplate = await Harness.RunCliAsync(env, ["zalo", "zns", "send", "--phone", Phone, "--template-id", "999", "--tracking-id", "t", "--param", "ten=An"]);

            Assert.Equal(1, night.ExitCode);
            Assert.Empty(night.Stdout);
            var line = Assert.Single(night.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
            Assert.StartsWith("nbcomms: Zalo refused send ZNS template message for OA oa-giavien: -133 ZNS: template messages are not sent at night", line, StringComparison.Ordinal);
            Assert.Matches(@"send again from 06:00, in [0-9]+ (h [0-9]+ )?min\.$", line); // on the CLI's own (real) clock
            Assert.Equal(1, unknownTemplate.ExitCode);
            Assert.StartsWith("nbcomms: Zalo refused get ZNS template info for OA oa-giavien: -109 ZNS: template id invalid", unknownTemplate.Stderr.Trim(), StringComparison.Ordinal);
            Assert.Empty(emulator.GetSentMessages(Harness.Oa));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Theory]
    [InlineData("missing-phone")]
    [InlineData("malformed-param")]
    [InlineData("repeated-param")]
    public async Task Usage_errors_exit_2(string problem)
    {
        var (emulator, env, store) = await StartAsync(9);
        await using var _ = emulator;
        try
        {
            string[] args = problem switch
            {
                "missing-phone" => ["zalo", "zns", "send", "--template-id", Template, "--tracking-id", "t"],
                "malformed-param" => Send("--param", "0912345678"),
                _ => Send("--param", "ten=An", "--param", "ten=Binh"),
            };

            var result = await Harness.RunCliAsync(env, args);

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
            Assert.Contains(problem switch { "missing-phone" => "--phone", "malformed-param" => "--param number 1 is not", _ => "--param 'ten' is given more than once" }, line, StringComparison.Ordinal);
            Assert.DoesNotContain("0912345678", line, StringComparison.Ordinal);
            Assert.Equal(0, emulator.TotalRequests);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }
}
