using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NinhBinh.Comms.Zalo.Internal;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Zalo;

/// <summary>
/// A <see cref="IDeliveryJournal"/> in a folder shared by every process of the app: one append-only file per bulletin
/// (<c>&lt;bulletin-id&gt;.log</c>), one line per recipient (<c>D|U &lt;tab&gt; time &lt;tab&gt; channel &lt;tab&gt; recipient</c>).
/// <see cref="ZaloBulletinChannel"/> keeps one in <c>&lt;TokenStorePath&gt;/journal/&lt;oa-id&gt;</c> by default.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Durable: a record is flushed to disk (fsync) before <see cref="RecordAsync"/> completes. Records that arrive
/// while a flush is under way are written and flushed together by the next one, so a fan-out of 8 concurrent sends
/// costs about one fsync per 8 messages.</item>
/// <item>Safe across processes: appends happen under an exclusive OS lock on <c>.lock</c> in the folder (released by
/// the OS when a process dies), each at the current end of the file.</item>
/// <item>Tolerant: a line cut short by a crash (no line break at the end) or otherwise unreadable is ignored; the next
/// append starts on a new line.</item>
/// <item>On Unix the folder is created owner-only (0700) and the files 0600, like <see cref="FileZaloTokenStore"/>.</item>
/// </list>
/// </remarks>
public sealed class FileDeliveryJournal : IDeliveryJournal
{
    private const string Extension = ".log";
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentDictionary<string, Appender> _appenders = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Opens a journal folder; it is created on the first record.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="timeProvider">The clock for the time of each record; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    public FileDeliveryJournal(string directory, TimeProvider? timeProvider = null)
    {
        Directory = Path.GetFullPath(Guard.NotNullOrWhiteSpace(directory));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The folder holding the journal files.</summary>
    public string Directory { get; }

    /// <summary>The longest an append waits for another process holding the folder's lock; default 2 minutes.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The file that holds the records of a bulletin.</summary>
    /// <param name="bulletinId">The bulletin id.</param>
    /// <returns>The full path (characters other than letters, digits, '.', '_' and '-' are %-escaped).</returns>
    public string GetPath(string bulletinId) => Path.Combine(Directory, FileName(CheckField(bulletinId, nameof(bulletinId))));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, DeliveryJournalState>> ReadAsync(string bulletinId, string channel, CancellationToken cancellationToken = default)
    {
        var path = GetPath(bulletinId);
        CheckField(channel, nameof(channel));
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new Dictionary<string, DeliveryJournalState>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<IReadOnlyDictionary<string, DeliveryJournalState>>(entries);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult<IReadOnlyDictionary<string, DeliveryJournalState>>(entries);
        }

        var text = Encoding.UTF8.GetString(bytes);
        var complete = text.LastIndexOf('\n') + 1; // whatever follows the last line break is a torn line
        foreach (var line in text.Substring(0, complete).Split('\n'))
        {
            var fields = line.Split('\t');
            if (fields.Length != 4 || fields[2] != channel || fields[3].Length == 0)
            {
                continue;
            }

            var state = fields[0] switch
            {
                "D" => DeliveryJournalState.Delivered,
                "U" => DeliveryJournalState.OutcomeUnknown,
                _ => (DeliveryJournalState?)null,
            };
            if (state is { } s && !(entries.TryGetValue(fields[3], out var old) && old == DeliveryJournalState.Delivered))
            {
                entries[fields[3]] = s;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, DeliveryJournalState>>(entries);
    }

    /// <inheritdoc />
    public Task RecordAsync(string bulletinId, string channel, string recipient, DeliveryJournalState state, CancellationToken cancellationToken = default)
    {
        var path = GetPath(bulletinId);
        CheckField(channel, nameof(channel));
        CheckField(recipient, nameof(recipient));
        var code = state switch
        {
            DeliveryJournalState.Delivered => "D",
            DeliveryJournalState.OutcomeUnknown => "U",
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "state must be Delivered or OutcomeUnknown."),
        };
        cancellationToken.ThrowIfCancellationRequested();
        var line = code + "\t" + _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\t" + channel + "\t" + recipient + "\n";
        return _appenders.GetOrAdd(path, p => new Appender(this, p)).AppendAsync(line);
    }

    private static string CheckField(string value, string name)
    {
        Guard.NotNullOrWhiteSpace(value, name);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"{name} must not contain control characters (tabs, line breaks).", name);
            }
        }

        return value;
    }

    private static string FileName(string bulletinId)
    {
        var name = new StringBuilder(bulletinId.Length + Extension.Length);
        foreach (var b in Encoding.UTF8.GetBytes(bulletinId))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-')
            {
                name.Append(c);
            }
            else
            {
                name.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return name.Append(Extension).ToString();
    }

    private async Task WriteAsync(string path, byte[] bytes)
    {
        PrivateFiles.CreateDirectory(Directory);
        using var folderLock = await LockAsync().ConfigureAwait(false);
        using var stream = PrivateFiles.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n')
            {
                stream.WriteByte((byte)'\n'); // a torn line left by a crash: start on a new line
            }
        }

        stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    private async Task<FileStream> LockAsync()
    {
        var path = Path.Combine(Directory, ".lock");
        var waited = System.Diagnostics.Stopwatch.StartNew(); // a monotonic wait, not a time of day
        while (true)
        {
            try
            {
                return PrivateFiles.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                // Held by another process (or another journal on the same folder): wait and try again.
            }
            catch (IOException ex)
            {
                throw new TimeoutException($"The delivery journal lock in {Directory} was not released within {LockTimeout.TotalSeconds:0} s.", ex);
            }

            await Task.Delay(LockPollInterval).ConfigureAwait(false);
        }
    }


    /// <summary>Group commit for one file: one writer at a time; records that arrive meanwhile go in the next flush.</summary>
    private sealed class Appender
    {
        private readonly FileDeliveryJournal _journal;
        private readonly string _path;
        private readonly object _gate = new();
        private List<(string Line, TaskCompletionSource<bool> Done)> _pending = new();
        private bool _writing;

        public Appender(FileDeliveryJournal journal, string path)
        {
            _journal = journal;
            _path = path;
        }

        public Task<bool> AppendAsync(string line)
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            bool start;
            lock (_gate)
            {
                _pending.Add((line, done));
                start = !_writing;
                _writing = true;
            }

            if (start)
            {
                _ = Task.Run(WriteLoopAsync);
            }

            return done.Task;
        }

        private async Task WriteLoopAsync()
        {
            while (true)
            {
                List<(string Line, TaskCompletionSource<bool> Done)> batch;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        _writing = false;
                        return;
                    }

                    batch = _pending;
                    _pending = new();
                }

                var text = new StringBuilder();
                foreach (var (line, _) in batch)
                {
                    text.Append(line);
                }

                try
                {
                    await _journal.WriteAsync(_path, Encoding.UTF8.GetBytes(text.ToString())).ConfigureAwait(false);
                    foreach (var (_, done) in batch)
                    {
                        done.TrySetResult(true);
                    }
                }
#pragma warning disable CA1031 // The failure goes to every caller waiting on this batch.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    foreach (var (_, done) in batch)
                    {
                        done.TrySetException(ex);
                    }
                }
            }
        }
    }
}
