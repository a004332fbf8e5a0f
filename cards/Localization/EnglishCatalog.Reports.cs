namespace ServiceDesk.Cards.Localization;

internal static partial class EnglishCatalog
{
    private static Dictionary<string, string> Reports() => new()
    {
        // The survey's answer (the card the requester clicked turns into one of these)
        { "survey.thanks.title", "Thank you for your answer" },
        { "survey.thanks.text", "You rated {number} {stars} ({rating})." },
        { "survey.thanks.comment", "Your comment: {comment}" },
        { "survey.thanks.closed", "The ticket is now closed. If the problem comes back, just write to me." },
        { "survey.already.title", "You already answered this survey" },
        { "survey.already.text", "Your first answer for {number} stands: {stars} ({rating}). Thank you!" },
        { "survey.outdated", "{number} changed after this survey was sent (it was reopened), so the survey no longer applies." },
        { "survey.notFound", "This survey no longer exists." },

        // The KPI report posted to the coordinators' channel
        { "report.daily.title", "Daily KPI report · {period}" },
        { "report.weekly.title", "Weekly KPI report · {period}" },
        { "report.comparedWith", "Arrows compare with {previous}." },
        { "report.date", "{weekday} {day} {month} {year}" },
        { "report.week", "{start} – {end}" },
        { "report.glance", "At a glance" },
        { "report.created", "Tickets created" },
        { "report.resolved", "Tickets resolved" },
        { "report.firstLevel", "Resolved at first level" },
        { "report.timeToResolve", "Mean time to resolve" },
        { "report.timeToClose", "Mean time to close" },
        { "report.handleTime", "Mean handle time" },
        { "report.timeToEscalate", "Mean time to escalate" },
        { "report.sla", "SLA compliance" },
        { "report.satisfaction", "Satisfaction" },
        { "report.satisfactionValue", "{rating} ★ ({answered} answers)" },
        { "report.responseRate", "Survey response rate" },
        { "report.backlog", "Open at the end of the period: {total}" },
        { "report.backlogByLevel", "By level" },
        { "report.backlogByAge", "By age" },
        { "report.age.UnderOneDay", "Under 1 day" },
        { "report.age.OneToThreeDays", "1 to 3 days" },
        { "report.age.ThreeToSevenDays", "3 to 7 days" },
        { "report.age.SevenDaysOrMore", "7 days or more" },
        { "report.busiestHours", "Busiest hours" },
        { "report.hourSlot", "{from}–{to}" },
        { "report.hourCount", "{count} tickets created" },
        { "report.noTickets", "No tickets were created." },
        { "report.none", "—" },
        { "report.percent", "{value}%" },
        { "report.points", "{value} pts" },
        { "report.decimalSeparator", "." },
        { "report.thousandsSeparator", "," },
        { "report.up", "▲ {delta}" },
        { "report.down", "▼ {delta}" },
        { "report.same", "= same" },
    };
}
