namespace ServiceDesk.Domain.Catalog;

/// <summary>Text that exists in both of the desk's languages.</summary>
public sealed record LocalizedText(string Es, string En)
{
    public string For(string locale) =>
        locale.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? Es : En;
}
