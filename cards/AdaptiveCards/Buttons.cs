using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Cards.AdaptiveCards;

/// <summary>
/// Buttons that run a card verb the way the channel wants (Teams: Action.Execute with an
/// Action.Submit fallback carrying the same data), forms behind Action.ShowCard, and the "more" menu.
/// </summary>
public static class Buttons
{
    /// <summary>A button that needs no input: it ignores the card's inputs, so a required field elsewhere cannot block it.</summary>
    public static AdaptiveAction Run<T>(CardContext context, string title, T payload, ButtonStyle? style = null) where T : ICardVerb =>
        Make(context, title, payload, style, AssociatedInputs.None, ActionData.For(payload));

    /// <summary>
    /// A button that sends the inputs of its card (and the cards around it). Required inputs are
    /// named in <paramref name="fromInputs"/> and left out of the data; optional inputs override
    /// the default the data carries.
    /// </summary>
    public static AdaptiveAction Submit<T>(CardContext context, string title, T payload, ButtonStyle? style = null, params ReadOnlySpan<string> fromInputs)
        where T : ICardVerb =>
        Make(context, title, payload, style, null, ActionData.For(payload, fromInputs));

    private static AdaptiveAction Make<T>(CardContext context, string title, T payload, ButtonStyle? style, AssociatedInputs? inputs, JsonObject data)
        where T : ICardVerb
    {
        var submit = new SubmitAction(title, data) { Style = style, AssociatedInputs = inputs };
        return context.Actions switch
        {
            ActionKind.Submit => submit,
            _ => new ExecuteAction(title, T.Verb, (JsonObject)data.DeepClone())
            {
                Style = style,
                AssociatedInputs = inputs,
                Fallback = submit,
            },
        };
    }

    /// <summary>A button that opens a small form (its inputs and the button that sends them).</summary>
    public static ShowCardAction Form(string title, IReadOnlyList<Element> inputs, AdaptiveAction send) =>
        new(title, AdaptiveCard.Nested([.. inputs, new ActionSet([send])]));

    /// <summary>The "more" button holding secondary actions; null when there are none, so no empty menu shows.</summary>
    public static ShowCardAction? More(CardContext context, IReadOnlyList<AdaptiveAction> actions) =>
        actions.Count == 0 ? null : new(context["card.more"], AdaptiveCard.Nested([new ActionSet(actions)]));

    /// <summary>Teams' up-to-date view of the card; none where actions are plain submits.</summary>
    public static Refresh? Refresh<T>(CardContext context, T payload) where T : ICardVerb =>
        context.Actions == ActionKind.Execute
            ? new Refresh(new ExecuteAction(context["card.refresh"], T.Verb, ActionData.For(payload))) { UserIds = context.RefreshUserIds }
            : null;

    /// <summary>Primary actions followed by "more", as one ActionSet; null when there is nothing to do.</summary>
    public static ActionSet? Row(CardContext context, IEnumerable<AdaptiveAction> primary, IReadOnlyList<AdaptiveAction>? more = null)
    {
        List<AdaptiveAction> actions = [.. primary];
        if (more is not null && More(context, more) is { } menu) actions.Add(menu);
        return actions.Count == 0 ? null : new ActionSet(actions) { Spacing = Spacing.Medium };
    }
}
