using System.Collections.Concurrent;
using System.Globalization;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// Teams' limits for a bot (protocol.md §3; <c>BotFramework:Connector:ConversationLimits</c> and
/// <c>TenantLimits</c>, by default 7 per second, 8 per 2 s and 60 per 30 s per conversation, 50 per second
/// per tenant). A call takes its turn in its conversation, then in its tenant, at the earliest moment every
/// window still has room, counted the strictest way: no interval of a window's length (plus
/// <see cref="ConnectorOptions.RateLimitMargin"/>, for the way to Teams) holds more than its permits.
/// Staying under the limits is cheaper than being answered 429. When Teams answers 429 for several
/// conversations of a tenant at once, the whole tenant waits the Retry-After instead of every
/// conversation finding out on its own.
/// </summary>
public sealed class ConnectorRateLimits
{
    private readonly (int Permits, long Ticks)[] _conversationWindows;
    private readonly (int Permits, long Ticks)[] _tenantWindows;
    private readonly long _margin;
    private readonly long _longestWindow;
    private readonly int _throttleThreshold;
    private readonly TimeSpan _longestWait;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Pace> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Pace> _tenants = new(StringComparer.Ordinal);
    private long _lastSweep;

    public ConnectorRateLimits(ConnectorOptions options, TimeProvider time)
    {
        _time = time;
        _conversationWindows = RateWindow.ParseList(options.ConversationLimits).Select(w => (w.Permits, Ticks(w.Length))).ToArray();
        _tenantWindows = RateWindow.ParseList(options.TenantLimits).Select(w => (w.Permits, Ticks(w.Length))).ToArray();
        _margin = Ticks(options.RateLimitMargin);
        _longestWindow = _conversationWindows.Concat(_tenantWindows).Select(w => w.Ticks).DefaultIfEmpty().Max() + _margin;
        _throttleThreshold = options.TenantThrottleThreshold;
        _longestWait = options.MaxRetryAfter;
    }

    /// <summary>
    /// Waits for the call's turn. The conversation's next call waits until this one's turn is disposed, when
    /// the answer came: Teams counted the call somewhere between its sending and its answer, so the answer's
    /// time is the one to count from, however long the way there took (the tenant's turns, handed out ahead
    /// to many calls at once, count from when they go, plus the margin).
    /// </summary>
    /// <param name="conversation">A conversation id, or for creating a conversation the person it is with.</param>
    /// <exception cref="RateLimitWaitTooLongException">The turn is further away than a call waits (<see cref="ConnectorOptions.MaxRetryAfter"/>).</exception>
    public async ValueTask<IDisposable> AcquireAsync(string conversation, string? tenant, CancellationToken cancellationToken)
    {
        var pace = Enter(_conversations, conversation, _conversationWindows, spaced: false);
        try
        {
            await pace.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(pace);
            throw;
        }
        try
        {
            await WaitUntilAsync(Reserve(pace, record: false), cancellationToken);
            var tenantPace = Enter(_tenants, tenant ?? "", _tenantWindows, spaced: true);
            try
            {
                // A pause that began while waiting (Teams throttled the tenant) moves the turn behind it.
                while (!await WaitUntilAsync(Reserve(tenantPace, record: true), cancellationToken, tenantPace))
                {
                }
            }
            finally
            {
                Leave(tenantPace);
            }
            return new Turn(this, pace);
        }
        catch
        {
            pace.Turn.Release();
            Leave(pace);
            throw;
        }
    }

    private sealed class Turn(ConnectorRateLimits limits, Pace pace) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            lock (pace) pace.Record(limits._time.GetTimestamp());
            pace.Turn.Release();
            Leave(pace);
            limits.SweepNowAndThen();
        }
    }

    /// <summary>
    /// Teams answered 429 for a call of this tenant. After <see cref="ConnectorOptions.TenantThrottleThreshold"/> of them
    /// within a second the whole tenant waits <paramref name="retryAfter"/>: the limit is the tenant's, not the conversation's.
    /// </summary>
    /// <returns>True when this answer paused the tenant.</returns>
    public bool Throttled(string? tenant, TimeSpan? retryAfter)
    {
        var pace = Enter(_tenants, tenant ?? "", _tenantWindows, spaced: true);
        try
        {
            var now = _time.GetTimestamp();
            lock (pace)
            {
                var second = _time.TimestampFrequency;
                while (pace.Throttles.TryPeek(out var old) && old <= now - second) pace.Throttles.Dequeue();
                pace.Throttles.Enqueue(now);
                if (pace.Throttles.Count < _throttleThreshold) return false;
                pace.Throttles.Clear();
                pace.PausedUntil = Math.Max(pace.PausedUntil, now + Ticks(retryAfter ?? TimeSpan.FromSeconds(1)));
                return true;
            }
        }
        finally
        {
            Leave(pace);
        }
    }

    private long Reserve(Pace pace, bool record)
    {
        var now = _time.GetTimestamp();
        long at;
        lock (pace)
        {
            at = Math.Max(Math.Max(now, pace.PausedUntil), pace.Earliest(_margin));
            if (at - now > Ticks(_longestWait))
                throw new RateLimitWaitTooLongException(_time.GetElapsedTime(now, at));
            if (record) pace.Record(at);
        }
        return at;
    }

    /// <returns>False when the pace was paused meanwhile and the turn must be taken again.</returns>
    private async ValueTask<bool> WaitUntilAsync(long at, CancellationToken cancellationToken, Pace? paused = null)
    {
        var wait = _time.GetElapsedTime(_time.GetTimestamp(), at);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
        if (paused is null) return true;
        lock (paused) return paused.PausedUntil <= at;
    }

    private static Pace Enter(ConcurrentDictionary<string, Pace> paces, string key, (int Permits, long Ticks)[] windows, bool spaced)
    {
        while (true)
        {
            var pace = paces.GetOrAdd(key, _ => new Pace(windows, spaced));
            lock (pace)
            {
                if (pace.Retired) continue;
                pace.Users++;
                return pace;
            }
        }
    }

    private static void Leave(Pace pace)
    {
        lock (pace) pace.Users--;
    }

    // Conversations come and go (a fan-out touches thousands once): a pace whose log says nothing any more is dropped.
    private void SweepNowAndThen()
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (_conversations.Count < 1024 || now - last < _longestWindow || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        foreach (var (key, pace) in _conversations)
        {
            lock (pace)
            {
                if (pace.Users > 0 || pace.LastAt > now - _longestWindow) continue;
                pace.Retired = true;
            }
            _conversations.TryRemove(new KeyValuePair<string, Pace>(key, pace));
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    /// <summary>The times the last calls of one conversation or tenant went (oldest first), as many as its largest window counts.</summary>
    /// <param name="spaced">
    /// Calls also go at least a window over its permits apart (a tenant's 50 per second: every 20 ms), not all of a
    /// window's at once: a burst of 50 reaches Teams spread over the time it takes to send them, and the next
    /// second's burst, sent on time, would then find some of them still inside the window. A conversation's few
    /// replies go at once.
    /// </param>
    private sealed class Pace((int Permits, long Ticks)[] windows, bool spaced)
    {
        private readonly List<long> _log = [];
        private readonly int _kept = windows.Select(w => w.Permits).DefaultIfEmpty().Max();
        private readonly long _spacing = spaced ? windows.Select(w => w.Ticks / w.Permits).DefaultIfEmpty().Max() : 0;

        public SemaphoreSlim Turn { get; } = new(1, 1);
        public Queue<long> Throttles { get; } = new();
        public long PausedUntil { get; set; }
        public int Users { get; set; }
        public bool Retired { get; set; }
        public long LastAt => _log.Count == 0 ? long.MinValue : _log[^1];

        /// <summary>The first moment at which one more call fits every window; each window needs its permits-th last call out of it.</summary>
        public long Earliest(long margin)
        {
            var earliest = _log.Count == 0 ? long.MinValue : _log[^1] + _spacing;
            foreach (var window in windows)
                if (_log.Count >= window.Permits)
                    earliest = Math.Max(earliest, _log[^window.Permits] + window.Ticks + margin);
            return earliest;
        }

        public void Record(long at)
        {
            // Turns are handed out in order, so the log stays sorted.
            _log.Add(at);
            if (_log.Count > _kept) _log.RemoveAt(0);
        }
    }
}

/// <summary>One limit: at most <see cref="Permits"/> calls in any interval of <see cref="Length"/>.</summary>
public sealed record RateWindow(int Permits, TimeSpan Length)
{
    /// <summary>Reads <c>7/00:00:01, 8/00:00:02</c> (permits/window, comma separated; empty: no limit).</summary>
    /// <exception cref="FormatException">Not in that form, or a permit count or window out of range.</exception>
    public static RateWindow[] ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();
    }

    private static RateWindow Parse(string item)
    {
        var slash = item.IndexOf('/');
        if (slash <= 0
            || !int.TryParse(item.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var permits)
            || !TimeSpan.TryParse(item.AsSpan(slash + 1).Trim(), CultureInfo.InvariantCulture, out var length))
            throw new FormatException($"'{item}' is not permits/window (e.g. 7/00:00:01).");
        if (permits is < 1 or > 100_000 || length <= TimeSpan.Zero || length > TimeSpan.FromDays(1))
            throw new FormatException($"'{item}': permits must be 1-100000 and the window longer than zero and at most a day.");
        return new RateWindow(permits, length);
    }
}

/// <summary>The call's turn is further away than a call waits: the outbox tries the message again later.</summary>
public sealed class RateLimitWaitTooLongException(TimeSpan wait)
    : Exception($"The rate limits give this call a turn only in {wait}.")
{
    public TimeSpan Wait { get; } = wait;
}
