using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NinhBinh.Comms.Zalo;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms zalo …</c>: a contract other tools script against; keep names and options stable.</summary>
internal static class ZaloCommands
{
    public static Command Create(TextWriter stdout)
    {
        var zalo = new Command("zalo", "Zalo Official Accounts: authorization, messages, followers.");
        zalo.Subcommands.Add(AuthUrl(stdout));
        zalo.Subcommands.Add(Login(stdout));
        zalo.Subcommands.Add(SendText(stdout));
        zalo.Subcommands.Add(Followers(stdout));
        ZaloWebhookCommands.AddTo(zalo, stdout);
        zalo.Subcommands.Add(ZaloPublishingCommands.Upload(stdout));
        zalo.Subcommands.Add(ZaloZnsCommands.Create(stdout));
        ZaloArticleCommands.AddTo(zalo, stdout);
        return zalo;
    }

    private static Command AuthUrl(TextWriter stdout)
    {
        var appId = new Option<string>("--app-id") { Description = "The Zalo app id.", Required = true };
        var redirect = new Option<string>("--redirect-uri") { Description = "The callback registered for the app.", Required = true };
        var state = new Option<string?>("--state") { Description = "The state value (random when omitted)." };
        var verifier = new Option<string?>("--code-verifier") { Description = "The PKCE verifier (Zalo:CodeVerifier, or generated, when omitted)." };
        var command = new Command("auth-url", "Print the OA authorization URL (first line) and, when generated, code_verifier=<v>.") { appId, redirect, state, verifier };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            if (!Uri.TryCreate(parse.GetValue(redirect), UriKind.Absolute, out var redirectUri))
            {
                throw new CliUsageException("--redirect-uri must be an absolute URL.");
            }

            var oauthBase = new ZaloClientOptions().OAuthBaseUrl;
            if (configuration["Zalo:OAuthBaseUrl"] is { Length: > 0 } configured
                && (!Uri.TryCreate(configured, UriKind.Absolute, out oauthBase) || (oauthBase.Scheme != Uri.UriSchemeHttp && oauthBase.Scheme != Uri.UriSchemeHttps)))
            {
                throw new CliUsageException($"configuration is invalid: Zalo:OAuthBaseUrl '{configured}' is not an absolute http or https URL.");
            }

            var configuredVerifier = configuration["Zalo:CodeVerifier"];
            if (configuredVerifier is not null && !ZaloPkce.IsValidVerifier(configuredVerifier))
            {
                throw new CliUsageException("configuration is invalid: Zalo:CodeVerifier must be 43–128 characters of A–Z a–z 0–9 - . _ ~.");
            }

            var given = parse.GetValue(verifier) ?? configuredVerifier;
            var code = given ?? ZaloPkce.CreateVerifier();
            var challenge = NbcommsApp.CheckInput("--code-verifier", () => ZaloPkce.ComputeChallenge(code));
            var url = NbcommsApp.CheckInput("--app-id", () => ZaloAuthorizationClient.BuildAuthorizationUrl(oauthBase, parse.GetValue(appId)!, redirectUri,
                challenge, parse.GetValue(state) ?? ZaloPkce.CreateVerifier().Substring(0, 16)));
            await stdout.WriteLineAsync(url.AbsoluteUri).ConfigureAwait(false);
            if (given is null)
            {
                await stdout.WriteLineAsync("code_verifier=" + code).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Login(TextWriter stdout)
    {
        var oaId = new Option<string>("--oa-id") { Description = "The OA id from the callback (oa_id).", Required = true };
        var code = new Option<string>("--code") { Description = "The authorization code from the callback.", Required = true };
        var verifier = new Option<string>("--code-verifier") { Description = "The PKCE verifier used for the authorization URL.", Required = true };
        var command = new Command("login", "Exchange an authorization code and store the OA's token pair in the configured token store.") { oaId, code, verifier };
        command.SetAction(async (parse, ct) =>
        {
            using var services = NbcommsApp.CreateZaloServices(NbcommsApp.LoadConfiguration(parse));
            var factory = services.GetRequiredService<IZaloClientFactory>();
            ZaloTokenSet tokens;
            try
            {
                tokens = await factory.Authorization.ExchangeCodeAsync(parse.GetValue(oaId)!, parse.GetValue(code)!, parse.GetValue(verifier)!, ct).ConfigureAwait(false);
            }
            catch (ArgumentException ex) when (ex.ParamName is "oaId" or "code" or "codeVerifier")
            {
                // Checked by the SDK before anything is sent.
                var option = ex.ParamName switch { "oaId" => "--oa-id", "code" => "--code", _ => "--code-verifier" };
                throw new CliInputException(option + ": " + NbcommsApp.ArgumentMessage(ex), ex);
            }

            await stdout.WriteLineAsync($"Stored the tokens of OA {parse.GetValue(oaId)}; the access token is valid until {tokens.AccessTokenExpiresAt:O}.").ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command SendText(TextWriter stdout)
    {
        var oaId = new Option<string?>("--oa-id") { Description = "The OA (Zalo:DefaultOaId when omitted)." };
        var userId = new Option<string>("--user-id") { Description = "The follower's user id.", Required = true };
        var text = new Option<string>("--text") { Description = "The message, 1–2000 characters.", Required = true };
        var command = new Command("send-text", "Send a consultation text message and print its message id.") { oaId, userId, text };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            var oa = NbcommsApp.ResolveOaId(parse.GetValue(oaId), configuration);
            using var services = NbcommsApp.CreateZaloServices(configuration); // configuration errors first: exit 2

            // Content is checked before anything is sent; what breaks a rule exits 1 and names the option and the limit.
            var client = NbcommsApp.CheckInput("--oa-id", () => services.GetRequiredService<IZaloClientFactory>().GetClient(oa));
            var recipient = NbcommsApp.CheckInput("--user-id", () => ZaloRecipient.User(parse.GetValue(userId)!));
            var message = NbcommsApp.CheckInput("--text", () => ZaloMessage.CreateText(parse.GetValue(text)!));
            var result = await client.SendConsultationAsync(recipient, message, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync(result.MessageId).ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    private static Command Followers(TextWriter stdout)
    {
        var oaId = new Option<string?>("--oa-id") { Description = "The OA (Zalo:DefaultOaId when omitted)." };
        var tag = new Option<string?>("--tag") { Description = "Only followers with this tag." };
        var command = new Command("followers", "Stream follower user ids, one per line.") { oaId, tag };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = NbcommsApp.LoadConfiguration(parse);
            var oa = NbcommsApp.ResolveOaId(parse.GetValue(oaId), configuration);
            using var services = NbcommsApp.CreateZaloServices(configuration);
            var client = NbcommsApp.CheckInput("--oa-id", () => services.GetRequiredService<IZaloClientFactory>().GetClient(oa));
            var query = new ZaloFollowerQuery { Tag = parse.GetValue(tag) };
            await foreach (var id in client.GetFollowerIdsAsync(query, ct).ConfigureAwait(false))
            {
                await stdout.WriteLineAsync(id).ConfigureAwait(false);
            }

            return NbcommsApp.Success;
        });
        return command;
    }
}
