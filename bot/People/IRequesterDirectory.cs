namespace ServiceDesk.Bot.People;

/// <summary>
/// Who a requester is in the organisation, beyond what the chat says: for agents' context on a ticket
/// and for informing the manager of a major incident. Optional; callers treat null as "unknown".
/// </summary>
public interface IRequesterDirectory
{
    /// <summary>
    /// The profile of the user with this Entra ID object id (Teams' <c>from.aadObjectId</c>), or null when the
    /// directory is off, does not know the user, or fails. Never throws for the directory's sake: a ticket is
    /// registered whether or not Graph answers.
    /// </summary>
    Task<RequesterProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken);
}

public sealed record RequesterProfile(
    string? DisplayName,
    string? Department,
    string? JobTitle,
    string? OfficeLocation,
    string? Mail,
    string? PreferredLanguage,
    RequesterManager? Manager);

public sealed record RequesterManager(string AadObjectId, string? DisplayName, string? Mail);

/// <summary>Graph is not configured: profiles come from the chat only.</summary>
internal sealed class NoDirectory : IRequesterDirectory
{
    public Task<RequesterProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult<RequesterProfile?>(null);
}
