using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceDesk.Bot.Turns;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(InvokeError))]
internal sealed partial class TurnJsonContext : JsonSerializerContext;
