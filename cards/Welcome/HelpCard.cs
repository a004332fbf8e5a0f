using System.Text.Json.Nodes;
using ServiceDesk.Cards.AdaptiveCards;

namespace ServiceDesk.Cards.Welcome;

public enum HelpAudience
{
    /// <summary>An employee in the personal chat.</summary>
    Employee,
    /// <summary>Agents in a triage channel, where the bot answers @mentions.</summary>
    Agent,
}

/// <summary>What you can type and click, in the reader's language (the commands are understood in both).</summary>
public static class HelpCard
{
    public static JsonObject Render(HelpAudience audience, string botName, CardContext context) => Render(audience, botName, context, null);

    /// <param name="reason">Why the bot shows its help now, above the rest (a greeting, text it did not understand).</param>
    public static JsonObject Render(HelpAudience audience, string botName, CardContext context, string? reason)
    {
        var texts = context.Texts;
        List<Element> body = [new TextBlock(context["help.title"]) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium }];
        if (reason is not null) body.Add(new TextBlock(reason) { Weight = TextWeight.Bolder, Spacing = Spacing.Small });
        if (audience == HelpAudience.Employee)
        {
            body.Add(new TextBlock(context["help.employeeIntro"]));
            body.Add(new FactSet(
            [
                new(context["command.report"], context["help.report"]),
                new(context["command.request"], context["help.request"]),
                new(context["command.question"], context["help.question"]),
                new(context["command.myTickets"], context["help.myTickets"]),
                new("INC-000042", context["help.showTicket"]),
                new(context["command.cancel"], context["help.cancel"]),
                new(context["command.help"], context["help.help"]),
            ]));
            body.Add(new TextBlock(context["help.languages"]) { IsSubtle = true, Size = TextSize.Small });
            body.Add(StartCard.Choices(context, withMyTickets: true));
        }
        else
        {
            var mention = $"@{botName}";
            body.Add(new TextBlock(texts.Format("help.agentIntro", ("bot", botName))));
            body.Add(new FactSet(
            [
                new($"{mention} INC-000042", context["help.agentShowTicket"]),
                new($"{mention} {context["command.useChannel"]} {context["team.groupPlaceholder"]}", context["help.agentUseChannel"]),
                new($"{mention} {context["command.help"]}", context["help.help"]),
            ]));
            body.Add(new TextBlock(context["help.agentButtons"]) { Spacing = Spacing.Small });
        }
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, context["help.title"], body));
    }
}
