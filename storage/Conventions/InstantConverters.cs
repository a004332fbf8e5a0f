using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ServiceDesk.Storage.Conventions;

/// <summary>
/// SQLite has no instant type and EF cannot compare or order DateTimeOffset stored as text, so
/// instants are stored as microseconds since the Unix epoch (UTC): sortable, range-queryable, and
/// the same precision PostgreSQL's timestamptz keeps, so both providers round-trip identically.
/// </summary>
internal sealed class UnixMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => (v.UtcTicks - UnixEpochTicks) / TicksPerMicrosecond,
    v => new DateTimeOffset(UnixEpochTicks + v * TicksPerMicrosecond, TimeSpan.Zero))
{
    private const long UnixEpochTicks = 621355968000000000;
    private const long TicksPerMicrosecond = 10;
}

/// <summary>Npgsql only writes offset-zero values to timestamptz; callers may hand us local offsets.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());
