using Akka.Actor;
using Akka.Actor.Internal;
using Akka.Configuration;
using Akka.TestKit.Internal;
using Xunit.Abstractions;

namespace Akka.TestKit.Xunit2;

/// <summary>
/// The xunit TestKit: derive a test class from it. xunit creates one instance per test, so each test gets
/// a fresh actor system, shut down (bounded) when xunit disposes the instance.
/// </summary>
public class TestKit : TestKitBase, IDisposable
{
    private static readonly XunitAssertions SharedAssertions = new();

    /// <summary>The test's xunit output (null when none was given); log events are printed there.</summary>
    protected readonly ITestOutputHelper Output;

    private bool _disposed;

    /// <summary>Uses <paramref name="system"/>, or creates a system named "test" from <see cref="DefaultConfig"/> when it is null.</summary>
    /// <param name="system">An existing system, or null.</param>
    /// <param name="output">The xunit output for log events, or null.</param>
    public TestKit(ActorSystem system = null, ITestOutputHelper output = null)
        : base(Assertions, system)
    {
        Output = output;
        InitializeLogger(Sys);
    }

    /// <summary>Creates a system from <paramref name="config"/> over <see cref="DefaultConfig"/>.</summary>
    /// <param name="config">The test's configuration; may be null.</param>
    /// <param name="actorSystemName">The system's name; "test" when null.</param>
    /// <param name="output">The xunit output for log events, or null.</param>
    public TestKit(Config config, string actorSystemName = null, ITestOutputHelper output = null)
        : base(Assertions, config, actorSystemName)
    {
        Output = output;
        InitializeLogger(Sys);
    }

    /// <summary>Creates a system named "test" from the HOCON <paramref name="config"/> over <see cref="DefaultConfig"/>.</summary>
    /// <param name="config">HOCON text.</param>
    /// <param name="output">The xunit output for log events, or null.</param>
    /// <exception cref="FormatException"><paramref name="config"/> is not valid HOCON.</exception>
    public TestKit(string config, ITestOutputHelper output = null)
        : base(Assertions, ConfigurationFactory.ParseString(config), "test")
    {
        Output = output;
        InitializeLogger(Sys);
    }

    /// <summary>The TestKit's reference configuration (timing defaults and the TestEventListener logger).</summary>
    public static new Config DefaultConfig => TestKitBase.DefaultConfig;

    /// <summary><see cref="DefaultConfig"/> with DEBUG logging and every <c>akka.actor.debug</c> switch on.</summary>
    public static new Config FullDebugConfig => TestKitBase.FullDebugConfig;

    /// <summary>Assertions that throw xunit exceptions.</summary>
    protected static XunitAssertions Assertions => SharedAssertions;

    /// <summary>Shuts the actor system down (idempotent): <see cref="AfterAll"/>, then a bounded <c>Shutdown()</c>.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs after each test, before the actor system is shut down.</summary>
    protected virtual void AfterAll()
    {
    }

    /// <summary>Runs <see cref="AfterAll"/> and shuts the system down, once.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!disposing)
            return;
        try
        {
            AfterAll();
        }
        finally
        {
            Shutdown();
            if (ImplicitSenderScope.Current == TestActor)
                ImplicitSenderScope.Current = null;
        }
    }

    /// <summary>Routes <paramref name="system"/>'s unfiltered log events to <see cref="Output"/>.</summary>
    /// <param name="system">The system whose events are printed.</param>
    protected void InitializeLogger(ActorSystem system) => InitializeLogger(system, null);

    /// <summary>Routes <paramref name="system"/>'s unfiltered log events to <see cref="Output"/>, each line prefixed.</summary>
    /// <param name="system">The system whose events are printed.</param>
    /// <param name="prefix">Put in front of each line (e.g. a node name); may be null.</param>
    protected void InitializeLogger(ActorSystem system, string prefix)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (Output == null)
            return;
        var registry = TestEventRegistry.For(system);
        registry.Output = Output;
        registry.OutputPrefix = prefix;
    }
}
