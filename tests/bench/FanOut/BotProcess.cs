using System.Diagnostics;

namespace ServiceDesk.Bench.FanOut;

/// <summary>The bot as it runs in production (its built Program, development mode: no App ID), in a process of its own.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private BotProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public static BotProcess Start(string botDll, int port, string logFile, IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(botDll);
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, log);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    public void Flush()
    {
        lock (_log) _log.Flush();
    }

    public async Task WaitHealthyAsync(HttpClient http, TimeSpan most)
    {
        var deadline = DateTime.UtcNow + most;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The bot exited with {_process.ExitCode} (see its log).");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The bot did not become healthy.");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
