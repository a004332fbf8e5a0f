using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Bursts;

public class TicketSimilarityTests
{
    [Theory]
    // Spanish: the same failure told in other words, accents and verb forms folded.
    [InlineData("La VPN no conecta", "", "No consigo conectar a la VPN desde casa", "")]
    [InlineData("La VPN se corta cada pocos minutos", "", "Se me corta la VPN cada dos minutos", "")]
    [InlineData("Outlook no sincroniza el correo", "", "El correo de Outlook no se sincroniza", "")]
    [InlineData("Problema con la VPN", "No conecta desde casa, da error de túnel", "La VPN no conecta", "Desde esta mañana el túnel falla")]
    // English.
    [InlineData("VPN keeps disconnecting", "", "The VPN disconnects every few minutes", "")]
    [InlineData("Cannot connect to the VPN from home", "", "VPN won't connect at home", "")]
    [InlineData("Printer on floor 2 is jammed", "", "The printer on the second floor jammed again", "")]
    // A mixed-language desk: cognates meet.
    [InlineData("La VPN no conecta desde casa", "", "VPN won't connect", "")]
    // A long description does not hide a title that says the same.
    [InlineData("VPN not connecting", "", "VPN not connecting since this morning",
        "I restarted the laptop twice, reinstalled FortiClient, tried the guest network and my phone hotspot; error 809 every time.")]
    public void Reports_of_the_same_failure_are_similar(string titleA, string descriptionA, string titleB, string descriptionB)
    {
        var a = TicketWords.Of(titleA, descriptionA);
        var b = TicketWords.Of(titleB, descriptionB);
        Assert.True(TicketSimilarity.AreSimilar(a, b), $"{TicketSimilarity.Score(a, b):F2}: «{titleA}» / «{titleB}»");
        Assert.Equal(TicketSimilarity.Score(a, b), TicketSimilarity.Score(b, a));
    }

    [Theory]
    // Same service, other problems: the service's name alone ("vpn", "outlook") is not enough.
    [InlineData("La VPN no conecta", "", "La VPN va muy lenta", "")]
    [InlineData("La VPN no conecta", "", "Necesito acceso a la VPN para un empleado nuevo", "")]
    [InlineData("Outlook no sincroniza el correo", "", "Outlook pide la contraseña a cada rato", "")]
    [InlineData("VPN keeps disconnecting", "", "Request VPN access for a new employee", "")]
    [InlineData("Outlook does not sync my mailbox", "", "Outlook keeps asking for my password", "")]
    // Other services altogether.
    [InlineData("La VPN no conecta", "", "La impresora no imprime", "")]
    [InlineData("Cannot connect to the VPN from home", "", "The ERP rejects my invoice", "")]
    [InlineData("La VPN no conecta", "", "VPN is very slow", "")]
    // Nothing to compare.
    [InlineData("", "", "La VPN no conecta", "")]
    public void Reports_of_different_failures_are_not(string titleA, string descriptionA, string titleB, string descriptionB)
    {
        var a = TicketWords.Of(titleA, descriptionA);
        var b = TicketWords.Of(titleB, descriptionB);
        Assert.False(TicketSimilarity.AreSimilar(a, b), $"{TicketSimilarity.Score(a, b):F2}: «{titleA}» / «{titleB}»");
    }

    [Fact]
    public void Related_tickets_share_the_service_and_a_category_where_both_have_one()
    {
        var rule = new SimilarTickets();
        var vpn = Ticket("La VPN no conecta", "vpn", "vpn");
        Assert.True(rule.Related(vpn, Ticket("No consigo conectar a la VPN", "vpn", "vpn")));
        Assert.True(rule.Related(vpn, Ticket("No consigo conectar a la VPN", "vpn", null)), "an uncategorized ticket of the service");
        Assert.False(rule.Related(vpn, Ticket("No consigo conectar a la VPN", "vpn", "network")), "another category");
        Assert.False(rule.Related(vpn, Ticket("No consigo conectar a la VPN", "network", "vpn")), "another service");
        Assert.False(rule.Related(vpn, Ticket("No consigo conectar a la VPN", null, null)), "no service");
        Assert.False(rule.Related(vpn, Ticket("La VPN va muy lenta", "vpn", "vpn")), "other words");
    }

    [Fact]
    public void A_stricter_threshold_separates_what_the_default_joins()
    {
        var a = TicketWords.Of("La VPN no conecta", "");
        var b = TicketWords.Of("No consigo conectar a la VPN desde casa", "");
        var score = TicketSimilarity.Score(a, b);
        Assert.InRange(score, TicketSimilarity.DefaultThreshold, 0.99);
        Assert.False(TicketSimilarity.AreSimilar(a, b, threshold: Math.Min(1, score + 0.01)));
    }

    private static int _sequence;

    private static BurstTicket Ticket(string title, string? service, string? category) =>
        new(Guid.NewGuid(), new TicketNumber(TicketKind.Incident, Interlocked.Increment(ref _sequence)), title, "", service, category,
            "Ana Ruiz", Priority.P3, TicketStatus.New, DateTimeOffset.UtcNow);
}
