using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ServiceDesk.Bot.Turns;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TurnJsonContext : JsonSerializerContext;
