namespace ServiceDesk.Cards.Localization;

internal static partial class SpanishCatalog
{
    private static Dictionary<string, string> Outages() => new()
    {
    };
}
