namespace ServiceDesk.Domain;

/// <summary>A rule of the domain refused a change; the message is meant for logs, the code for users.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Someone else changed the record since it was read (optimistic concurrency).</summary>
public sealed class ConcurrencyConflictException(string recordKey, Exception? inner = null)
    : Exception($"{recordKey} was changed by someone else.", inner)
{
    public string RecordKey { get; } = recordKey;
}
