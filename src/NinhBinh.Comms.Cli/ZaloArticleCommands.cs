using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Cli;

/// <summary>
/// <c>nbcomms zalo article publish …</c> and <c>nbcomms zalo articles</c>: a contract other tools script against;
/// keep names, options, output lines and exit codes stable.
/// </summary>
internal static class ZaloArticleCommands
{
    /// <summary>Adds <c>article</c> (with <c>publish</c>) and <c>articles</c> to the <c>zalo</c> command.</summary>
    public static void AddTo(Command zalo, TextWriter stdout)
    {
        var article = new Command("article", "OA articles (tin bài).");
        article.Subcommands.Add(Publish(stdout));
        zalo.Subcommands.Add(article);
        zalo.Subcommands.Add(List(stdout));
    }

    private static Command Publish(TextWriter stdout)
    {
        var oaId = new Option<string?>("--oa-id") { Description = "The OA (Zalo:DefaultOaId when omitted)." };
        var title = new Option<string>("--title") { Description = "The title, fewer than 150 characters.", Required = true };
        var author = new Option<string>("--author") { Description = "The author (usually the issuing agency), at most 50 characters.", Required = true };
        var description = new Option<string>("--description") { Description = "The summary shown in lists, at most 300 characters.", Required = true };
        var cover = new Option<string>("--cover") { Description = "The cover photo's http(s) URL (spaces and Vietnamese letters are percent-encoded for you).", Required = true };
        var bodyFile = new Option<string>("--body-file")
        {
            Description = "A UTF-8 text file with the article's body: paragraphs are separated by blank lines, and each becomes a text item (lines within a paragraph stay together).",
            Required = true,
        };
        var broadcast = new Option<bool>("--broadcast")
        {
            Description = "Then broadcast the article to every follower of the OA and print the broadcast's message id on a second line (a refused broadcast exits 1 after the article id was printed: the article is published, not broadcast).",
        };
        var timeout = new Option<int>("--timeout") { Description = "How long to wait for Zalo to publish the article, in seconds (default 60).", DefaultValueFactory = _ => 60 };
        var command = new Command("publish", "Create an article, wait until Zalo has published it (verify every 3 s) and print its id.")
        {
            oaId, title, author, description, cover, bodyFile, broadcast, timeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            var oa = NbcommsApp.ResolveOaId(parse.GetValue(oaId), configuration);
            var seconds = parse.GetValue(timeout);
            if (seconds < 1)
            {
                throw new CliUsageException($"--timeout must be a whole number of seconds, 1 or more; {seconds.ToString(CultureInfo.InvariantCulture)} is not.");
            }

            using var services = NbcommsApp.CreateZaloServices(configuration); // configuration errors first: exit 2

            // Every limit is checked before anything is sent; what breaks one exits 1 and names the option and the limit.
            var client = NbcommsApp.CheckInput("--oa-id", () => services.GetRequiredService<IZaloClientFactory>().GetClient(oa));
            var coverUrl = NbcommsApp.CheckInput("--cover", () => ZaloArticleCover.Photo(
                Uri.TryCreate(parse.GetValue(cover), UriKind.Absolute, out var uri) ? uri : throw new ArgumentException("the cover must be an absolute http or https URL.")));
            string text;
            try
            {
                text = await File.ReadAllTextAsync(parse.GetValue(bodyFile)!, new UTF8Encoding(false, true), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                throw new CliInputException("--body-file: cannot read the file as UTF-8 text: " + ex.Message, ex);
            }

            var body = ZaloArticleBodyItem.CreateParagraphs(text);
            if (body.Count == 0)
            {
                throw Refuse("--body-file: the file has no paragraph; an article body needs at least one.");
            }

            ZaloArticleRequest request;
            try
            {
                request = ZaloArticleRequest.CreateNormal(parse.GetValue(title)!, parse.GetValue(author)!, parse.GetValue(description)!, coverUrl, body);
            }
            catch (ArgumentException ex) when (ex.ParamName is "title" or "author" or "description")
            {
                throw new CliInputException("--" + ex.ParamName + ": " + NbcommsApp.ArgumentMessage(ex), ex);
            }

            var options = new ZaloArticleVerifyOptions { Timeout = TimeSpan.FromSeconds(seconds) };
            var id = await client.PublishArticleAsync(request, options, null, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync(id).ConfigureAwait(false);
            if (parse.GetValue(broadcast))
            {
                var sent = await client.BroadcastArticleAsync(id, null, ct).ConfigureAwait(false);
                await stdout.WriteLineAsync(sent.MessageId).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static CliInputException Refuse(string message) => new(message, new InvalidOperationException(message));

    private static Command List(TextWriter stdout)
    {
        var oaId = new Option<string?>("--oa-id") { Description = "The OA (Zalo:DefaultOaId when omitted)." };
        var command = new Command("articles", "List every article of the OA (normal, then video), one per line: id, views, shares, title, tab-separated.") { oaId };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            var oa = NbcommsApp.ResolveOaId(parse.GetValue(oaId), configuration);
            using var services = NbcommsApp.CreateZaloServices(configuration);
            var client = NbcommsApp.CheckInput("--oa-id", () => services.GetRequiredService<IZaloClientFactory>().GetClient(oa));
            foreach (var type in new[] { ZaloArticleType.Normal, ZaloArticleType.Video })
            {
                await foreach (var article in client.GetArticlesAsync(type, ct).ConfigureAwait(false))
                {
                    // One line per article: a tab or line break inside a title would break the columns.
                    var line = string.Join("\t", article.Id, article.Views.ToString(CultureInfo.InvariantCulture),
                        article.Shares.ToString(CultureInfo.InvariantCulture), NbcommsApp.OneLine(article.Title.Replace('\t', ' ')));
                    await stdout.WriteLineAsync(line).ConfigureAwait(false);
                }
            }

            return NbcommsApp.Success;
        });
        return command;
    }
}
