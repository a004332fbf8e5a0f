using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Catalog;

/// <summary>A ticket category: its usual kind, the group that takes it first, and the words that suggest it.</summary>
public sealed class Category
{
    private Category() { }

    public Category(string key, LocalizedText name, TicketKind defaultKind, string defaultGroup, string? serviceKey,
        IEnumerable<string> keywordsEs, IEnumerable<string> keywordsEn)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new DomainException("catalog.key", "A category needs a key.");
        if (string.IsNullOrWhiteSpace(defaultGroup)) throw new DomainException("catalog.group", "A category needs a default group.");
        Key = key;
        Name = name;
        DefaultKind = defaultKind;
        DefaultGroup = defaultGroup;
        ServiceKey = serviceKey;
        KeywordsEs = keywordsEs.ToList();
        KeywordsEn = keywordsEn.ToList();
    }

    public string Key { get; private set; } = "";
    public LocalizedText Name { get; private set; } = null!;
    public TicketKind DefaultKind { get; private set; }
    public string DefaultGroup { get; private set; } = "";
    public string? ServiceKey { get; private set; }
    public List<string> KeywordsEs { get; private set; } = [];
    public List<string> KeywordsEn { get; private set; } = [];
}
