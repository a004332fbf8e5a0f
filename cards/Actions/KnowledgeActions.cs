namespace ServiceDesk.Cards.Actions;

// Answers the desk offers before it registers a ticket ("I still need help" is a SubmitIntake).

/// <summary>"This solved it" on one offered answer: the conversation ends without a ticket.</summary>
public sealed record DeflectionSolved(Guid ArticleId) : ICardVerb
{
    public static string Verb => "deflectionSolved";
}
