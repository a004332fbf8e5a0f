namespace ServiceDesk.Storage;

public sealed partial class ServiceDeskContext
{
    /// <summary>Raised after a save that ran in its own transaction has committed.</summary>
    internal event Action? Committed;
}
