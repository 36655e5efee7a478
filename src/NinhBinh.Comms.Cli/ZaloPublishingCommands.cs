using System;
using System.CommandLine;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms zalo upload …</c>: publishing commands; a contract other tools script against, keep names and options stable.</summary>
internal static class ZaloPublishingCommands
{
    public static Command Upload(TextWriter stdout)
    {
        var oaId = new Option<string?>("--oa-id") { Description = "The OA (Zalo:DefaultOaId when omitted)." };
        var file = new Option<string>("--file") { Description = "jpg/png ≤ 1 MB, gif ≤ 5 MB, or pdf/doc/docx ≤ 5 MB.", Required = true };
        var command = new Command("upload", "Upload an image, gif or file and print its attachment id (image, gif) or token (file).") { oaId, file };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            var oa = NbcommsApp.ResolveOaId(parse.GetValue(oaId), configuration);
            using var services = NbcommsApp.CreateZaloServices(configuration); // configuration errors first: exit 2
            var client = NbcommsApp.CheckInput("--oa-id", () => services.GetRequiredService<IZaloClientFactory>().GetClient(oa));
            var path = parse.GetValue(file)!;
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException("--file: cannot read the file: " + ex.Message, ex);
            }

            ZaloUploadResult result;
            try
            {
                result = await client.UploadAsync(Path.GetFileName(path), content, ct).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                // Type and size are checked before anything is sent.
                throw new CliInputException("--file: " + NbcommsApp.ArgumentMessage(ex), ex);
            }

            await stdout.WriteLineAsync(result.Id).ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }
}
