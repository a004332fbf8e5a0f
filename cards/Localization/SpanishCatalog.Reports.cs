namespace ServiceDesk.Cards.Localization;

internal static partial class SpanishCatalog
{
    private static Dictionary<string, string> Reports() => new()
    {
        // La respuesta a la encuesta (la tarjeta pulsada pasa a ser una de estas)
        { "survey.thanks.title", "Gracias por tu respuesta" },
        { "survey.thanks.text", "Has valorado {number} con {stars} ({rating})." },
        { "survey.thanks.comment", "Tu comentario: {comment}" },
        { "survey.thanks.closed", "El ticket queda cerrado. Si el problema vuelve, escríbeme." },
        { "survey.already.title", "Ya respondiste a esta encuesta" },
        { "survey.already.text", "Se mantiene tu primera respuesta sobre {number}: {stars} ({rating}). ¡Gracias!" },
        { "survey.outdated", "{number} cambió después de enviarte esta encuesta (se reabrió), así que ya no aplica." },
        { "survey.notFound", "Esta encuesta ya no existe." },

        // El informe de KPI del canal de coordinación
        { "report.daily.title", "Informe diario de KPI · {period}" },
        { "report.weekly.title", "Informe semanal de KPI · {period}" },
        { "report.comparedWith", "Las flechas comparan con {previous}." },
        { "report.date", "{weekday} {day} {month} {year}" },
        { "report.week", "{start} – {end}" },
        { "report.glance", "De un vistazo" },
        { "report.created", "Tickets registrados" },
        { "report.resolved", "Tickets resueltos" },
        { "report.firstLevel", "Resueltos en primer nivel" },
        { "report.timeToResolve", "Tiempo medio de resolución" },
        { "report.timeToClose", "Tiempo medio de cierre" },
        { "report.handleTime", "Tiempo medio de atención" },
        { "report.timeToEscalate", "Tiempo medio hasta escalar" },
        { "report.sla", "Cumplimiento del SLA" },
        { "report.satisfaction", "Satisfacción" },
        { "report.satisfactionValue", "{rating} ★ ({answered} respuestas)" },
        { "report.responseRate", "Tasa de respuesta a la encuesta" },
        { "report.backlog", "Abiertos al final del periodo: {total}" },
        { "report.backlogByLevel", "Por nivel" },
        { "report.backlogByAge", "Por antigüedad" },
        { "report.age.UnderOneDay", "Menos de 1 día" },
        { "report.age.OneToThreeDays", "De 1 a 3 días" },
        { "report.age.ThreeToSevenDays", "De 3 a 7 días" },
        { "report.age.SevenDaysOrMore", "7 días o más" },
        { "report.busiestHours", "Horas con más tickets" },
        { "report.hourSlot", "{from}–{to}" },
        { "report.hourCount", "{count} tickets registrados" },
        { "report.noTickets", "No se registró ningún ticket." },
        { "report.none", "—" },
        { "report.percent", "{value} %" },
        { "report.points", "{value} p. p." },
        { "report.decimalSeparator", "," },
        { "report.thousandsSeparator", "." },
        { "report.up", "▲ {delta}" },
        { "report.down", "▼ {delta}" },
        { "report.same", "= igual" },
    };
}
