using Akka.Configuration;

namespace Akka.TestKit;

/// <summary>The <c>akka.test</c> timing settings of a test actor system.</summary>
public sealed class TestKitSettings
{
    /// <summary>Reads the settings from <paramref name="config"/> (normally the system's config with the TestKit defaults below it).</summary>
    /// <param name="config">A configuration holding the <c>akka.test</c> keys.</param>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ConfigurationException"><c>akka.test.timefactor</c> is not positive.</exception>
    public TestKitSettings(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        DefaultTimeout = config.GetTimeSpan("akka.test.default-timeout", allowInfinite: false);
        SingleExpectDefault = config.GetTimeSpan("akka.test.single-expect-default", allowInfinite: false);
        TestEventFilterLeeway = config.GetTimeSpan("akka.test.filter-leeway", allowInfinite: false);
        TestTimeFactor = config.GetDouble("akka.test.timefactor");
        if (TestTimeFactor <= 0)
            throw new ConfigurationException($"akka.test.timefactor must be positive, was {TestTimeFactor}");
    }

    /// <summary><c>akka.test.default-timeout</c> (5 s by default).</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary><c>akka.test.single-expect-default</c> (3 s by default): the wait of an Expect call without a timeout.</summary>
    public TimeSpan SingleExpectDefault { get; }

    /// <summary><c>akka.test.filter-leeway</c> (3 s by default): how long an EventFilter waits after its block.</summary>
    public TimeSpan TestEventFilterLeeway { get; }

    /// <summary><c>akka.test.timefactor</c> (1.0 by default): the factor <c>Dilated</c> applies.</summary>
    public double TestTimeFactor { get; }
}
