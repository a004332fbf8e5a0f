using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceDesk.Tests.Hosting;

/// <summary>
/// The bot as an outside check starts it: its own process, an empty working folder, configuration
/// only in environment variables.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, string workingFolder, int port)
    {
        _process = process;
        WorkingFolder = workingFolder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string WorkingFolder { get; }
    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static BotProcess Start(IDictionary<string, string>? environment = null, string? workingFolder = null, int? port = null)
    {
        var folder = workingFolder ?? Directory.CreateTempSubdirectory("sdbot-").FullName;
        var chosenPort = port ?? FreePort();
        var botDll = Path.Combine(AppContext.BaseDirectory, "ServiceDesk.Bot.dll");
        var info = new ProcessStartInfo("dotnet", [botDll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Urls"] = $"http://127.0.0.1:{chosenPort}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = new Process { StartInfo = info };
        var bot = new BotProcess(process, folder, chosenPort);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    public async Task<HttpStatusCode> WaitForHealthAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The bot exited with {_process.ExitCode}:\n{Output}");
            try
            {
                var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return response.StatusCode;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"/healthz did not answer 200 within {timeout}:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
