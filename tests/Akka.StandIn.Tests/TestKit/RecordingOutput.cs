using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Akka.StandIn.Tests.TestKit;

/// <summary>An xunit output that keeps every line, so a test can check what the TestKit printed.</summary>
public sealed class RecordingOutput : ITestOutputHelper
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public void WriteLine(string message) => _lines.Enqueue(message);

    public void WriteLine(string format, params object[] args) => _lines.Enqueue(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
