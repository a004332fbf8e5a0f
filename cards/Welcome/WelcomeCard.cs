using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;

namespace ServiceDesk.Cards.Welcome;

/// <param name="BotName">The name people @mention the bot by.</param>
/// <param name="UserName">The person's first name when known.</param>
public sealed record WelcomeView(string BotName, string? UserName = null);

/// <param name="TeamName">The team the bot was added to, when the channel says.</param>
/// <param name="Groups">Support groups a coordinator can route to this channel; empty asks for the name.</param>
public sealed record TeamWelcomeView(string BotName, string? TeamName, IReadOnlyList<string> Groups);

/// <summary>The first message: in a personal chat, what the bot does for you; in a team, how to make a channel a triage channel.</summary>
public static class WelcomeCard
{
    public static JsonObject Render(WelcomeView view, CardContext context)
    {
        var texts = context.Texts;
        var greeting = string.IsNullOrWhiteSpace(view.UserName)
            ? texts.Format("welcome.greeting", ("bot", view.BotName))
            : texts.Format("welcome.greetingName", ("name", view.UserName.Trim()), ("bot", view.BotName));
        List<Element> body =
        [
            new TextBlock(greeting) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(context["welcome.what"]),
            new TextBlock(context["welcome.follow"]) { Spacing = Spacing.Small },
            new TextBlock(texts.Format("welcome.helpHint", ("command", context["command.help"]))) { IsSubtle = true, Size = TextSize.Small },
            StartCard.Choices(context, withMyTickets: true),
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, greeting, body));
    }

    public static JsonObject RenderForTeam(TeamWelcomeView view, CardContext context)
    {
        var texts = context.Texts;
        var greeting = string.IsNullOrWhiteSpace(view.TeamName)
            ? texts.Format("team.greeting", ("bot", view.BotName))
            : texts.Format("team.greetingName", ("team", view.TeamName.Trim()), ("bot", view.BotName));
        var howTo = texts.Format("team.howTo", ("bot", view.BotName), ("command", context["command.useChannel"]), ("group", context["team.groupPlaceholder"]));
        Element group = view.Groups.Count > 0
            ? FormInputs.Choices<RegisterTriageChannel>(context, nameof(RegisterTriageChannel.Group), context["team.group"],
                view.Groups.Select(g => new Choice(g, g)).ToArray())
            : FormInputs.Text<RegisterTriageChannel>(context, nameof(RegisterTriageChannel.Group), context["team.group"],
                placeholder: context["team.groupPlaceholder"], maxLength: 100);
        List<Element> body =
        [
            new TextBlock(greeting) { Style = TextBlockStyle.Heading, Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(context["team.what"]),
            new TextBlock(howTo) { Spacing = Spacing.Small },
            new ActionSet(
            [
                Buttons.Form(context["team.register"], [group, new TextBlock(context["team.coordinatorsOnly"]) { IsSubtle = true, Size = TextSize.Small }],
                    Buttons.Submit(context, context["team.registerSend"], new RegisterTriageChannel(""), ButtonStyle.Positive, nameof(RegisterTriageChannel.Group))),
                Buttons.Run(context, context["team.help"], new Help()),
            ]) { Spacing = Spacing.Medium },
        ];
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, greeting, body));
    }
}
