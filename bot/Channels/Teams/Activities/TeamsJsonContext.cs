using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Bot.Turns;

namespace ServiceDesk.Bot.Channels.Teams.Activities;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InboundActivity))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(OutgoingActivity))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
