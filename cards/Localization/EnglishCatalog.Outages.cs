namespace ServiceDesk.Cards.Localization;

internal static partial class EnglishCatalog
{
    private static Dictionary<string, string> Outages() => new()
    {
    };
}
