using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace NinhBinh.Comms.Zalo.IntegrationTests;

[Collection("processes")]
public class ZaloPublishingCliTests
{
    private static Dictionary<string, string> Env(Uri emulator, string store) => new()
    {
        ["NBCOMMS_Zalo__AppId"] = Harness.App,
        ["NBCOMMS_Zalo__AppSecret"] = Harness.Secret,
        ["NBCOMMS_Zalo__OpenApiBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__OAuthBaseUrl"] = emulator.AbsoluteUri,
        ["NBCOMMS_Zalo__TokenStorePath"] = store,
        ["NBCOMMS_Zalo__DefaultOaId"] = Harness.Oa,
    };

    private static string Write(string folder, string name, byte[] magic, int length)
    {
        var content = new byte[length];
        magic.CopyTo(content, 0);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task Upload_prints_the_id_and_a_file_over_its_limit_or_mislabelled_exits_1_before_anything_is_sent()
    {
        await using var emulator = await Harness.StartAsync();
        var store = Harness.TempDirectory();
        var files = Harness.TempDirectory();
        await Harness.SeedGrantAsync(emulator, new FileZaloTokenStore(store), DateTimeOffset.UtcNow);
        var env = Env(emulator.BaseUri, store);
        try
        {
            var pdf = Write(files, "cong-van.pdf", "%PDF-1.7\n"u8.ToArray(), 5 * 1024 * 1024);
            var uploaded = await Harness.RunCliAsync(env, "zalo", "upload", "--file", pdf);
            Assert.Equal(0, uploaded.ExitCode);
            var token = Assert.Single(uploaded.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
            Assert.Matches("^[0-9a-f]{24}$", token);
            Assert.Equal(1, emulator.GetUploadCount(Harness.Oa));
            var requests = emulator.TotalRequests;

            var big = Write(files, "anh.jpg", [0xFF, 0xD8, 0xFF], (1024 * 1024) + 1);
            var tooBig = await Harness.RunCliAsync(env, "zalo", "upload", "--file", big);
            Assert.Equal(1, tooBig.ExitCode);
            Assert.Equal("nbcomms: --file: The upload is 1048577 bytes; a jpg may be at most 1048576 bytes (1 MB).", tooBig.Stderr.Trim());

            var mislabelled = Write(files, "anh.png", "%PDF-1.7\n"u8.ToArray(), 100);
            var wrongType = await Harness.RunCliAsync(env, "zalo", "upload", "--file", mislabelled);
            Assert.Equal(1, wrongType.ExitCode);
            Assert.Equal("nbcomms: --file: The upload is named as png but its content is pdf.", wrongType.Stderr.Trim());

            var missing = await Harness.RunCliAsync(env, "zalo", "upload", "--file", Path.Combine(files, "khong-co.pdf"));
            Assert.Equal(1, missing.ExitCode);
            Assert.StartsWith("nbcomms: --file: cannot read the file", missing.Stderr.Trim());

            Assert.Equal(requests, emulator.TotalRequests);
            Assert.Equal(1, emulator.GetUploadCount(Harness.Oa));
            foreach (var output in new[] { tooBig, wrongType, missing })
            {
                Assert.Empty(output.Stdout);
            }
        }
        finally
        {
            Directory.Delete(store, recursive: true);
            Directory.Delete(files, recursive: true);
        }
    }
}
