using System.Globalization;

namespace ServiceDesk.Domain.Tickets;

/// <summary>Human-friendly number, unique and gapless per kind: INC-000042.</summary>
public readonly record struct TicketNumber(TicketKind Kind, long Sequence)
{
    public override string ToString() =>
        $"{TicketKindPrefix.Of(Kind)}-{Sequence.ToString("D6", CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out TicketNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-', 2);
        if (parts.Length != 2 || !TicketKindPrefix.TryParse(parts[0], out var kind)) return false;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq <= 0) return false;
        number = new TicketNumber(kind, seq);
        return true;
    }

    public static TicketNumber Parse(string text) =>
        TryParse(text, out var n) ? n : throw new FormatException($"'{text}' is not a ticket number such as INC-000042.");
}
