using System;

namespace NinhBinh.Comms.Metrics.PostgreSql;

/// <summary>Settings of <see cref="PostgreSqlKpiStore"/>.</summary>
public sealed class PostgreSqlKpiStoreOptions
{
    /// <summary>The Npgsql connection string. Never logged or put in exception messages.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Create the tables when they are missing (default true); false for operators who apply the shipped script <c>Migrations/001_kpi_store.sql</c>.</summary>
    public bool CreateTablesIfMissing { get; set; } = true;

    /// <summary>Administrative units for mapping codes (default <see cref="AdministrativeUnitRegistry.Default"/>).</summary>
    public AdministrativeUnitRegistry? Registry { get; set; }

    /// <summary>The clock for "today" (default: the system clock).</summary>
    public TimeProvider? TimeProvider { get; set; }
}
