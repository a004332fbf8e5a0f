using System.Net;
using System.Net.Http.Headers;
using ServiceDesk.Bot.Channels.Teams.Connector;

namespace ServiceDesk.Tests.Channels.Teams;

public sealed class ConnectorErrorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Retry_after_in_seconds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorRetryPipeline.RetryAfter(response, Now));
    }

    [Fact]
    public void Retry_after_as_a_date()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Mon, 02 Mar 2026 09:00:30 GMT");

        Assert.Equal(TimeSpan.FromSeconds(30), ConnectorRetryPipeline.RetryAfter(response, Now));
    }

    [Fact]
    public void Retry_after_in_the_past_means_now()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Mon, 02 Mar 2026 08:00:00 GMT");

        Assert.Equal(TimeSpan.Zero, ConnectorRetryPipeline.RetryAfter(response, Now));
    }

    [Fact]
    public void No_retry_after()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.Null(ConnectorRetryPipeline.RetryAfter(response, Now));
    }

    [Theory]
    [InlineData("""{"error":{"code":"Forbidden","innerHttpError":{"statusCode":403,"body":{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked"}}}}}""", "MessageWritesBlocked")]
    [InlineData("""{"error":{"code":"Forbidden","innerHttpError":{"statusCode":403,"body":"{\"error\":{\"code\":\"Forbidden\",\"subCode\":\"MessageWritesBlocked\"}}"}}}""", "MessageWritesBlocked")]
    [InlineData("""{"error":{"code":"MessageSizeTooBig","message":"too big"}}""", "MessageSizeTooBig")]
    [InlineData("""upstream connect error""", null)]
    [InlineData("", null)]
    public void Teams_error_codes_are_found_however_nested(string body, string? code)
    {
        Assert.Equal(code, ConnectorClient.ReadError(body).Code);
    }
}
