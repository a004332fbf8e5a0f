namespace ServiceDesk.Bot.ApiDescription;

/// <summary>
/// The OpenAPI document of the HTTP surface at <c>/openapi/v1.json</c> (design.md §5), for whoever automates
/// the admin, ticket, outage and KPI APIs. It describes routes only; calling them still needs <c>X-Api-Key</c>.
/// </summary>
public static class ApiDescriptionRegistration
{
    public static IServiceCollection AddApiDescription(this IServiceCollection services) => services.AddOpenApi();

    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        return endpoints;
    }
}
