using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Internal;
using NinhBinh.Comms.Zalo.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// Keeps token pairs in a folder shared by every process of the app: one JSON file per OA (<c>&lt;oa&gt;.json</c>)
/// and one lock file (<c>&lt;oa&gt;.lock</c>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Writes are atomic: a temporary file is written and flushed to disk, then renamed over the old one, so a
/// reader (or a process killed mid-write) never sees a half-written file.</item>
/// <item>Reads open the file with read, write and delete sharing, so a process reading the tokens never blocks another
/// one replacing them (on Windows a plain read would make the rename fail with a sharing violation).</item>
/// <item>The constructor checks that the folder exists (or can be created) and that this process can create files in
/// it: a wrong <c>Zalo:TokenStorePath</c> fails at start-up with the folder and the cause, not at the first refresh.</item>
/// <item>On Unix the folder is created owner-only (0700) and the files 0600; on Windows they inherit the folder's ACL.</item>
/// <item><see cref="LockAsync"/> takes an exclusive OS lock on the OA's lock file, so one process refreshes at a
/// time; the OS releases it when a process dies.</item>
/// </list>
/// </remarks>
public sealed class FileZaloTokenStore : IZaloTokenStore
{
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Opens (and creates if needed) a token folder, and checks at once that this process can write in it.</summary>
    /// <param name="directory">The folder.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="directory"/> is empty, or the folder cannot be used: it cannot be created (a parent is missing
    /// and cannot be made, or is a file) or this process cannot create files in it. The message names the folder and
    /// the cause; a configuration error, reported when the store is made rather than at the first token refresh.
    /// </exception>
    public FileZaloTokenStore(string directory)
    {
        Directory = Path.GetFullPath(Guard.NotNullOrWhiteSpace(directory));
        CheckUsable(Directory, nameof(directory));
    }

    /// <summary>The folder holding the token files.</summary>
    public string Directory { get; }

    /// <summary>The longest <see cref="LockAsync"/> waits for another process; default 2 minutes.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <inheritdoc />
    public Task<ZaloTokenSet?> GetAsync(string oaId, CancellationToken cancellationToken = default)
    {
        var path = TokenPath(oaId);
        cancellationToken.ThrowIfCancellationRequested();
        byte[] bytes;
        try
        {
            bytes = ReadShared(path);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<ZaloTokenSet?>(null);
        }

        StoredTokens? stored;
        try
        {
            stored = JsonSerializer.Deserialize(bytes, ZaloJsonContext.Default.StoredTokens);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The token file of OA {oaId} in {Directory} is not valid JSON; authorize the OA again.", ex);
        }

        if (stored is null || string.IsNullOrEmpty(stored.AccessToken) || string.IsNullOrEmpty(stored.RefreshToken))
        {
            throw new InvalidDataException($"The token file of OA {oaId} in {Directory} holds no token pair; authorize the OA again.");
        }

        return Task.FromResult<ZaloTokenSet?>(new ZaloTokenSet(stored.AccessToken, stored.RefreshToken, stored.AccessTokenExpiresAt, stored.RefreshTokenExpiresAt, stored.IssuedAt));
    }

    /// <inheritdoc />
    public Task SaveAsync(string oaId, ZaloTokenSet tokens, CancellationToken cancellationToken = default)
    {
        var path = TokenPath(oaId);
        Guard.NotNull(tokens);
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new StoredTokens
        {
            OaId = oaId,
            AccessToken = tokens.AccessToken,
            RefreshToken = tokens.RefreshToken,
            AccessTokenExpiresAt = tokens.AccessTokenExpiresAt,
            RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt,
            IssuedAt = tokens.IssuedAt,
        }, ZaloJsonContext.Default.StoredTokens);

        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = PrivateFiles.Open(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.WriteThrough))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

#if NET
            File.Move(temp, path, overwrite: true);
#else
            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temp, path);
            }
#endif
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="TimeoutException">Another process or thread held the lock for longer than <see cref="LockTimeout"/>.</exception>
    /// <exception cref="IOException">
    /// The lock file cannot be created or opened at all (the folder was removed or made read-only after the store was
    /// opened, the disk is full): reported at once, not after <see cref="LockTimeout"/>.
    /// </exception>
    public async Task<IAsyncDisposable> LockAsync(string oaId, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Directory, ZaloIds.CheckOaId(oaId, nameof(oaId)) + ".lock");
        var waited = System.Diagnostics.Stopwatch.StartNew(); // a monotonic wait, not a time of day
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = PrivateFiles.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, FileOptions.None);
                return new FileLock(stream);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !IsHeldElsewhere(ex, path))
            {
                throw new IOException($"The token refresh lock of OA {oaId} cannot be taken: {path} cannot be created or opened ({ex.Message}). "
                    + "Check that the token folder exists and that this process can write in it.", ex);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                // Held by another process or thread: wait and try again.
            }
            catch (IOException ex)
            {
                throw new TimeoutException($"The token refresh lock of OA {oaId} was not released within {LockTimeout.TotalSeconds:0} s.", ex);
            }

            try
            {
                await Task.Delay(LockPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Reported at the top of the loop, as the same OperationCanceledException whenever the cancellation comes.
            }
        }
    }

    /// <summary>
    /// Whether a failure to open the lock file means that someone else holds it (wait) rather than that it cannot be
    /// opened at all (report at once). A held lock file exists: a missing one, a missing or read-only folder or a
    /// denied access are not a wait.
    /// </summary>
    private static bool IsHeldElsewhere(Exception ex, string path)
        => ex is IOException and not (DirectoryNotFoundException or PathTooLongException or FileNotFoundException)
            && (IsSharingViolation(ex) || File.Exists(path));

    // ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33) on Windows.
    private static bool IsSharingViolation(Exception ex) => (ex.HResult & 0xFFFF) is 32 or 33 && (ex.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000);

    private string TokenPath(string oaId) => Path.Combine(Directory, ZaloIds.CheckOaId(oaId, nameof(oaId)) + ".json");

    /// <summary>
    /// Reads a whole token file without standing in anyone's way: read, write and delete sharing, so a reader never
    /// blocks the rename that replaces the file (a sharing violation on Windows otherwise).
    /// </summary>
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Creates the folder if needed and proves that this process can create and delete files in it.</summary>
    private static void CheckUsable(string directory, string paramName)
    {
        string step = "cannot be created";
        try
        {
            PrivateFiles.CreateDirectory(directory);
            step = "is not writable by this process";
            var probe = Path.Combine(directory, "." + Guid.NewGuid().ToString("N") + ".probe");
            using (PrivateFiles.Open(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.DeleteOnClose))
            {
            }

            TryDelete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new ArgumentException(
                $"The Zalo token folder {directory} {step} ({ex.GetType().Name}: {ex.Message}). "
                + "Create it and give this process write access, or point Zalo:TokenStorePath at another folder.", paramName, ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class FileLock : IAsyncDisposable
    {
        private FileStream? _stream;

        public FileLock(FileStream stream) => _stream = stream;

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref _stream, null)?.Dispose();
            return default;
        }
    }
}
