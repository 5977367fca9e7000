using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Event;
using Xunit.Abstractions;

namespace Akka.TestKit.Internal;

/// <summary>
/// Per actor system: the active event filters and the test output, shared between the test thread
/// (which adds and removes filters synchronously, so a filter is in place before its block runs) and
/// the TestEventListener actor (which applies them).
/// </summary>
internal sealed class TestEventRegistry
{
    private static readonly ConditionalWeakTable<ActorSystem, TestEventRegistry> Registries = new();

    private ImmutableList<ActiveFilterSet> _filters = ImmutableList<ActiveFilterSet>.Empty;

    internal ITestOutputHelper Output { get; set; }

    internal string OutputPrefix { get; set; }

    internal static TestEventRegistry For(ActorSystem system) => Registries.GetValue(system, _ => new TestEventRegistry());

    internal void Add(ActiveFilterSet set) => ImmutableInterlocked.Update(ref _filters, list => list.Add(set));

    internal void Remove(ActiveFilterSet set) => ImmutableInterlocked.Update(ref _filters, list => list.Remove(set));

    /// <summary>True when an active filter matched (and counted) <paramref name="logEvent"/>: it must not be printed.</summary>
    internal bool IsFiltered(LogEvent logEvent)
    {
        foreach (var set in Volatile.Read(ref _filters))
        {
            if (set.TryMatch(logEvent))
                return true;
        }

        return false;
    }
}
