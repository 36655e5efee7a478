using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NinhBinh.Comms.Internal;

namespace NinhBinh.Comms.Broadcast.Radio.PlayLog;

/// <summary>
/// The embedded play log: one SQLite file (or a private in-memory database). Thread-safe; one connection per log,
/// calls serialized. Times are stored as UTC ticks and read back in Vietnam time.
/// </summary>
public sealed class SqliteRadioPlayLog : IRadioPlayLog, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS radio_play_log (
            commune_code TEXT NOT NULL, device_id TEXT NOT NULL, command_id TEXT NOT NULL, stage INTEGER NOT NULL,
            at_utc_ticks INTEGER NOT NULL, reason TEXT NULL,
            PRIMARY KEY (commune_code, device_id, command_id, stage)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS radio_play_log_period ON radio_play_log (commune_code, at_utc_ticks);
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqliteRadioPlayLog(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating when missing) a play log in a file.</summary>
    /// <param name="path">The database file, e.g. <c>play-log.db</c>; its folder must exist.</param>
    /// <returns>The log.</returns>
    /// <exception cref="ArgumentException">The path is empty, or its folder does not exist.</exception>
    public static SqliteRadioPlayLog Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The path must name a database file.", nameof(path));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ArgumentException($"The folder of the play log '{folder}' does not exist.", nameof(path));
        }

        return Create(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
    }

    /// <summary>Opens a private in-memory play log (gone when disposed): for tests and demos.</summary>
    /// <returns>The log.</returns>
    public static SqliteRadioPlayLog InMemory() => Create("Data Source=:memory:");

    /// <inheritdoc />
    public async Task<bool> RecordAsync(RadioPlayLogEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT OR IGNORE INTO radio_play_log (commune_code, device_id, command_id, stage, at_utc_ticks, reason)
                VALUES ($commune, $device, $command, $stage, $at, $reason)
                """;
            command.Parameters.AddWithValue("$commune", entry.CommuneCode);
            command.Parameters.AddWithValue("$device", entry.DeviceId);
            command.Parameters.AddWithValue("$command", entry.CommandId);
            command.Parameters.AddWithValue("$stage", (int)entry.Stage);
            command.Parameters.AddWithValue("$at", entry.At.UtcTicks);
            command.Parameters.AddWithValue("$reason", (object?)entry.Reason ?? DBNull.Value);
            return command.ExecuteNonQuery() == 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RadioPlayLogEntry>> QueryAsync(string communeCode, DateTime firstDate, DateTime lastDate, CancellationToken cancellationToken = default)
    {
        var (start, end) = RadioPlayLogPeriod.Check(communeCode, firstDate, lastDate);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT device_id, command_id, stage, at_utc_ticks, reason FROM radio_play_log
                WHERE commune_code = $commune AND at_utc_ticks >= $start AND at_utc_ticks < $end
                ORDER BY at_utc_ticks, device_id, command_id, stage
                """;
            command.Parameters.AddWithValue("$commune", communeCode);
            command.Parameters.AddWithValue("$start", start.UtcTicks);
            command.Parameters.AddWithValue("$end", end.UtcTicks);
            var entries = new List<RadioPlayLogEntry>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                entries.Add(new RadioPlayLogEntry(
                    communeCode,
                    reader.GetString(0),
                    reader.GetString(1),
                    (RadioPlayStage)reader.GetInt32(2),
                    new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection.Dispose();
        _gate.Dispose();
    }

    private static SqliteRadioPlayLog Create(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + Schema;
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteRadioPlayLog(connection);
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SqliteRadioPlayLog));
        }
    }
}
