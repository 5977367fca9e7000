using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AkkaIpc.Hosting.Tests;

/// <summary>An ILoggerProvider that keeps every line and lets a test wait for the first one that matches.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();
    private readonly List<(Func<LogLevel, string, bool> Match, TaskCompletionSource<(LogLevel, string)> Done)> _waits = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public Task<(LogLevel Level, string Text)> WaitFor(Func<LogLevel, string, bool> match)
    {
        var done = new TaskCompletionSource<(LogLevel, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waits)
        {
            _waits.Add((match, done));
            foreach (var line in _lines.Where(l => match(l.Level, l.Text)).Take(1))
                done.TrySetResult((line.Level, line.Text));
        }

        return done.Task;
    }

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string text)
    {
        lock (_waits)
        {
            _lines.Enqueue((level, category, text));
            foreach (var (match, done) in _waits.Where(w => w.Match(level, text)))
                done.TrySetResult((level, text));
        }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(logLevel, category, formatter(state, exception));
    }
}
