namespace ServiceDesk.Domain.Catalog;

/// <summary>An IT service of the catalog: who owns it, which SLA applies, who wants outage news.</summary>
public sealed class Service
{
    private readonly List<string> _subscribers = [];

    private Service() { }

    public Service(string key, LocalizedText name, string ownerGroup, string? slaPolicyKey = null, IEnumerable<string>? subscribers = null)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new DomainException("catalog.key", "A service needs a key.");
        Key = key;
        Name = name;
        OwnerGroup = ownerGroup;
        SlaPolicyKey = slaPolicyKey;
        if (subscribers is not null) _subscribers.AddRange(subscribers.Distinct());
    }

    public string Key { get; private set; } = "";
    public LocalizedText Name { get; private set; } = null!;
    public string OwnerGroup { get; private set; } = "";
    public string? SlaPolicyKey { get; private set; }
    public IReadOnlyList<string> Subscribers => _subscribers;

    public void Subscribe(string personKey)
    {
        if (!_subscribers.Contains(personKey)) _subscribers.Add(personKey);
    }

    public void Unsubscribe(string personKey) => _subscribers.Remove(personKey);
}
