using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NinhBinh.Comms.Broadcast.Radio.Icecast;

namespace NinhBinh.Comms.Cli;

/// <summary><c>nbcomms radio stream</c>: a file or stdin to an Icecast mount; a contract other tools script against, keep names and options stable.</summary>
internal static class RadioStreamCommand
{
    public static Command Create(TextWriter stdout)
    {
        var server = new Option<string?>("--server") { Description = "The Icecast server, http://host:port or https://host:port; else configuration Broadcast:Icecast:Server." };
        var mount = new Option<string?>("--mount") { Description = "The mount, starting with '/', for example /phuong-hoa-lu.mp3; else configuration Broadcast:Icecast:Mount." };
        var file = new Option<FileInfo?>("--file") { Description = "An audio file to stream, paced at its bitrate (MP3: read from the first frame header)." };
        var stdin = new Option<bool>("--stdin") { Description = "Stream standard input as it comes (a live encoder's output), until it ends." };
        var user = new Option<string?>("--user") { Description = "The source user; else configuration Broadcast:Icecast:Username, else 'source'." };
        var passwordEnv = new Option<string?>("--password-env") { Description = "The name of an environment variable holding the source password; else configuration Broadcast:Icecast:Password. Never give a password on the command line." };
        var contentType = new Option<string?>("--content-type") { Description = "The stream's content type (audio/mpeg by default; audio/ogg, audio/aac, ...)." };
        var name = new Option<string?>("--name") { Description = "The stream's name (ice-name)." };
        var description = new Option<string?>("--description") { Description = "The stream's description (ice-description)." };
        var genre = new Option<string?>("--genre") { Description = "The stream's genre (ice-genre)." };
        var isPublic = new Option<bool>("--public") { Description = "Let the server list the stream in public directories (ice-public: 1)." };
        var bytesPerSecond = new Option<long?>("--bytes-per-second") { Description = "Pace --file at this many bytes per second instead of the MP3 bitrate (needed for files that are not MP3)." };
        var noPacing = new Option<bool>("--no-pacing") { Description = "Send --file as fast as the server takes it (listeners are flooded; for tests and servers that pace themselves)." };
        var command = new Command("stream", """
            Stream a file (--file, paced at its bitrate) or standard input (--stdin, as it comes) to an Icecast 2.4+ mount
            with the source protocol (PUT, Basic authentication, ice-* headers). When the connection drops mid-stream it
            reconnects with backoff (configuration Broadcast:Icecast:ReconnectAttempts, 10 by default) and continues with
            the next unsent byte. The password comes from --password-env <VAR> or configuration Broadcast:Icecast:Password
            (e.g. environment NBCOMMS_Broadcast__Icecast__Password), never from the command line.
            Prints "streaming <bytes> bytes to <server><mount>" when connected and about once a second, "reconnecting ..."
            and "reconnected at <bytes> bytes" lines, and finally "done <bytes> bytes".
            Speakers play the stream from the mount URL: nbcomms radio play --url <server><mount> ...
            Exit 0 when the whole source was sent; 1 when the server refused the source (401 wrong password, 403 mount in
            use or content type not allowed, 404) or could not be reached, or the stream was cancelled; 2 for usage or
            configuration errors (no password, a mount without '/', a missing file).
            """) { server, mount, file, stdin, user, passwordEnv, contentType, name, description, genre, isPublic, bytesPerSecond, noPacing };
        command.SetAction(async (parse, ct) =>
        {
            var givenFile = parse.GetValue(file);
            var fromStdin = parse.GetValue(stdin);
            if ((givenFile is null) == !fromStdin)
            {
                throw new CliUsageException("radio stream: give exactly one of --file or --stdin.");
            }

            if (givenFile is not null && !givenFile.Exists)
            {
                throw new CliUsageException($"--file: the file '{givenFile.FullName}' does not exist.");
            }

            var rate = parse.GetValue(bytesPerSecond);
            if (rate is not null && parse.GetValue(noPacing))
            {
                throw new CliUsageException("radio stream: give at most one of --bytes-per-second or --no-pacing.");
            }

            if ((rate is not null || parse.GetValue(noPacing)) && givenFile is null)
            {
                throw new CliUsageException("--bytes-per-second and --no-pacing apply to --file only (--stdin is sent as it comes).");
            }

            var pacing = parse.GetValue(noPacing) ? IcecastPacing.None
                : rate is { } r ? (r is >= 1 and <= 10_000_000 ? IcecastPacing.FromBytesPerSecond(r) : throw new CliUsageException("--bytes-per-second: must be 1 to 10000000."))
                : IcecastPacing.Auto;

            var section = NbcommsApp.LoadConfiguration(parse).GetSection("Broadcast:Icecast");
            var serverText = parse.GetValue(server) ?? section["Server"];
            if (string.IsNullOrWhiteSpace(serverText))
            {
                throw new CliUsageException("--server: give http://host:port or https://host:port, or set Broadcast:Icecast:Server.");
            }

            if (!Uri.TryCreate(serverText, UriKind.Absolute, out var serverUri) || (serverUri.Scheme != "http" && serverUri.Scheme != "https"))
            {
                throw new CliUsageException("--server: must be http://host:port or https://host:port.");
            }

            var options = new IcecastSourceOptions
            {
                Server = serverUri,
                Mount = parse.GetValue(mount) ?? section["Mount"],
                Username = parse.GetValue(user) ?? section["Username"] ?? "source",
                Password = Password(parse.GetValue(passwordEnv), section["Password"]),
                ContentType = parse.GetValue(contentType) ?? section["ContentType"] ?? "audio/mpeg",
                Name = parse.GetValue(name),
                Description = parse.GetValue(description),
                Genre = parse.GetValue(genre),
                Public = parse.GetValue(isPublic),
            };
            if (int.TryParse(section["ReconnectAttempts"], NumberStyles.None, CultureInfo.InvariantCulture, out var attempts))
            {
                options.ReconnectAttempts = attempts;
            }

            IcecastSourceClient client;
            try
            {
                client = new IcecastSourceClient(options);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException(Option(ex.Message) + NbcommsApp.ArgumentMessage(ex));
            }

            var where = serverUri.GetLeftPart(UriPartial.Authority) + options.Mount;
            var progress = new Lines(stdout, where);
            IcecastStreamResult result;
            try
            {
                if (givenFile is not null)
                {
                    result = await client.StreamFileAsync(givenFile.FullName, pacing, progress, ct).ConfigureAwait(false);
                }
                else
                {
                    using var input = Console.OpenStandardInput();
                    result = await client.StreamAsync(input, progress, ct).ConfigureAwait(false);
                }
            }
            catch (ArgumentException ex) when (ex.ParamName == "pacing")
            {
                throw new CliUsageException("--file: " + NbcommsApp.ArgumentMessage(ex).Replace("IcecastPacing.FromBytesPerSecond (or None)", "--bytes-per-second (or --no-pacing)", StringComparison.Ordinal));
            }

            await stdout.WriteLineAsync("done " + result.BytesSent.ToString(CultureInfo.InvariantCulture) + " bytes").ConfigureAwait(false);
            return NbcommsApp.Success;
        });
        return command;
    }

    private static string Password(string? variable, string? configured)
    {
        if (variable is not null)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrEmpty(value)
                ? throw new CliUsageException($"--password-env: the environment variable {variable} is not set or empty.")
                : value;
        }

        return string.IsNullOrEmpty(configured)
            ? throw new CliUsageException("no source password: give --password-env <VAR> or set Broadcast:Icecast:Password.")
            : configured!;
    }

    /// <summary>The command-line option an options message is about, as a prefix.</summary>
    private static string Option(string message) => message.StartsWith("IcecastSourceOptions.Mount", StringComparison.Ordinal) ? "--mount: "
        : message.StartsWith("IcecastSourceOptions.Server", StringComparison.Ordinal) ? "--server: "
        : message.StartsWith("IcecastSourceOptions.ContentType", StringComparison.Ordinal) ? "--content-type: "
        : message.StartsWith("IcecastSourceOptions.Username", StringComparison.Ordinal) ? "--user: "
        : string.Empty;

    /// <summary>Progress as output lines, synchronously and in order; "streaming" lines at most about once a second.</summary>
    private sealed class Lines(TextWriter stdout, string where) : IProgress<IcecastStreamProgress>
    {
        private readonly Stopwatch _sinceLast = new();

        public void Report(IcecastStreamProgress value)
        {
            var bytes = value.BytesSent.ToString(CultureInfo.InvariantCulture);
            string? line = value.Event switch
            {
                IcecastStreamEvent.Connected => $"streaming {bytes} bytes to {where}",
                IcecastStreamEvent.Sent when _sinceLast.Elapsed >= TimeSpan.FromSeconds(1) => $"streaming {bytes} bytes to {where}",
                IcecastStreamEvent.Reconnecting => $"reconnecting to {where} (attempt {value.Attempt.ToString(CultureInfo.InvariantCulture)}) in {value.Delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s after {bytes} bytes: {value.Reason}",
                IcecastStreamEvent.Reconnected => $"reconnected at {bytes} bytes",
                _ => null,
            };
            if (line is not null)
            {
                stdout.WriteLine(line);
                stdout.Flush();
                _sinceLast.Restart();
            }
        }
    }
}
