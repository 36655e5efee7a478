using System;
using System.Collections.Generic;

namespace NinhBinh.Comms.Zalo.PostgreSql;

/// <summary>Settings of the PostgreSQL token and dedupe stores.</summary>
public sealed class ZaloPostgreSqlOptions
{
    /// <summary>The Npgsql connection string (<c>Zalo:TokenStoreConnectionString</c>). Never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether the stores create their tables when missing (default true). Set false when operators apply the shipped
    /// script (<c>Migrations/001_zalo_stores.sql</c>) themselves and the app's role may not create tables.
    /// </summary>
    public bool CreateTablesIfMissing { get; set; } = true;

    /// <summary>
    /// The longest a refresh lock is held without a word from its holder: the lock lives in a transaction whose
    /// session the server ends after this idle time (<c>idle_in_transaction_session_timeout</c>), so a holder that
    /// crashed, hung or lost its network never blocks the OA for longer. Default 2 minutes; it must exceed the longest
    /// refresh (Zalo's answer plus retries), or a slow holder would lose its lock mid-refresh. Between 5 s and 1 h.
    /// </summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest <see cref="PostgreSqlZaloTokenStore.LockAsync"/> waits for another holder; default 2 minutes.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a waiting caller tries the lock again; default 50 ms.</summary>
    public TimeSpan LockPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a handled webhook event is remembered; default 24 hours (beyond Zalo's two hours of retries).</summary>
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one SQL command may take; default 15 seconds (a slow server is reported, not waited for forever).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Checks the settings and returns every problem, each naming its setting.</summary>
    /// <returns>The problems; empty when usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("Zalo:TokenStoreConnectionString (an Npgsql connection string) is required.");
        }

        if (LockLease < TimeSpan.FromSeconds(5) || LockLease > TimeSpan.FromHours(1))
        {
            problems.Add("Zalo:PostgreSql:LockLease must be between 5 seconds and 1 hour.");
        }

        if (LockTimeout <= TimeSpan.Zero || LockTimeout > TimeSpan.FromHours(1))
        {
            problems.Add("Zalo:PostgreSql:LockTimeout must be greater than zero and at most 1 hour.");
        }

        if (LockPollInterval < TimeSpan.FromMilliseconds(1) || LockPollInterval > TimeSpan.FromSeconds(10))
        {
            problems.Add("Zalo:PostgreSql:LockPollInterval must be between 1 ms and 10 s.");
        }

        if (DedupeRetention < TimeSpan.FromMinutes(1) || DedupeRetention > TimeSpan.FromDays(30))
        {
            problems.Add("Zalo:PostgreSql:DedupeRetention must be between 1 minute and 30 days.");
        }

        if (CommandTimeout < TimeSpan.FromSeconds(1) || CommandTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add("Zalo:PostgreSql:CommandTimeout must be between 1 second and 10 minutes.");
        }

        return problems;
    }

    /// <summary>Describes the settings; the connection string is shown only as set (<c>***</c>) or not.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
        => $"{nameof(ZaloPostgreSqlOptions)} {{ ConnectionString = {(string.IsNullOrEmpty(ConnectionString) ? "(not set)" : "***")}, CreateTablesIfMissing = {CreateTablesIfMissing}, LockLease = {LockLease}, LockTimeout = {LockTimeout}, DedupeRetention = {DedupeRetention} }}";
}
