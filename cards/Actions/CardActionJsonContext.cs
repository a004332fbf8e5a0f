using System.Text.Json.Serialization;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Actions;

// Missing required fields and nulls in non-nullable ones are errors, not default values: a
// payload that lost its version must not pass for version 0.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters =
    [
        typeof(InputBooleanConverter),
        typeof(NamedEnumConverter<TicketKind>),
        typeof(NamedEnumConverter<Impact>),
        typeof(NamedEnumConverter<Urgency>),
        typeof(NamedEnumConverter<SupportLevel>),
        typeof(NamedEnumConverter<ResolutionCode>),
        typeof(NamedEnumConverter<TicketCardAudience>),
        typeof(NamedEnumConverter<ServiceDesk.Domain.Outages.OutageSeverity>),
        typeof(NamedEnumConverter<ServiceDesk.Domain.Outages.OutageAudienceKind>),
    ])]
[JsonSerializable(typeof(ClaimTicket))]
[JsonSerializable(typeof(StartWork))]
[JsonSerializable(typeof(AssignTicket))]
[JsonSerializable(typeof(CommentOnTicket))]
[JsonSerializable(typeof(AskRequester))]
[JsonSerializable(typeof(PutOnHold))]
[JsonSerializable(typeof(ResumeTicket))]
[JsonSerializable(typeof(ResolveTicket))]
[JsonSerializable(typeof(EscalateTicket))]
[JsonSerializable(typeof(DeclareMajor))]
[JsonSerializable(typeof(OpenProblem))]
[JsonSerializable(typeof(LinkProblem))]
[JsonSerializable(typeof(CallCoordinator))]
[JsonSerializable(typeof(ApproveClosure))]
[JsonSerializable(typeof(RejectClosure))]
[JsonSerializable(typeof(ReplyOnTicket))]
[JsonSerializable(typeof(ConfirmFix))]
[JsonSerializable(typeof(ReopenTicket))]
[JsonSerializable(typeof(CancelTicket))]
[JsonSerializable(typeof(RefreshTicket))]
[JsonSerializable(typeof(Help))]
[JsonSerializable(typeof(ShowMyTickets))]
[JsonSerializable(typeof(ShowTicket))]
[JsonSerializable(typeof(StartIntake))]
[JsonSerializable(typeof(SubmitIntake))]
[JsonSerializable(typeof(DeflectionSolved))]
[JsonSerializable(typeof(AnswerSurvey))]
[JsonSerializable(typeof(RegisterTriageChannel))]
[JsonSerializable(typeof(ResolveProblem))]
[JsonSerializable(typeof(CategorizeTicket))]
[JsonSerializable(typeof(DeclareBurst))]
[JsonSerializable(typeof(DismissBurst))]
[JsonSerializable(typeof(DeclareOutage))]
[JsonSerializable(typeof(UpdateOutage))]
[JsonSerializable(typeof(EndOutage))]
[JsonSerializable(typeof(ImAffected))]
[JsonSerializable(typeof(RefreshOutage))]
internal sealed partial class CardActionJsonContext : JsonSerializerContext;
