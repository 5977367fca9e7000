namespace Akka.TestKit.Internal;

/// <summary>The TestKit's reference configuration: the only home of the <c>akka.test</c> defaults.</summary>
internal static class TestKitReferenceConfig
{
    internal const string Text = """
        akka {
          # EventFilter needs every log event to pass through the TestEventListener.
          loggers = ["Akka.TestKit.TestEventListener, Akka.TestKit"]
          test {
            # Multiplies every dilated duration; raise it on slow machines. Must be > 0.
            timefactor = 1.0
            # How long EventFilter.Expect waits after its block for the expected events.
            filter-leeway = 3s
            # Timeout of Expect*/Receive*/AwaitCondition calls given no explicit timeout, outside Within.
            single-expect-default = 3s
            # TestKitSettings.DefaultTimeout.
            default-timeout = 5s
          }
        }
        """;

    internal const string FullDebugText = """
        akka.log-dead-letters-during-shutdown = true
        akka.actor.debug.receive = true
        akka.actor.debug.autoreceive = true
        akka.actor.debug.lifecycle = true
        akka.actor.debug.event-stream = true
        akka.actor.debug.unhandled = true
        akka.actor.debug.fsm = true
        akka.log-dead-letters = true
        akka.loglevel = DEBUG
        akka.stdout-loglevel = DEBUG
        """;
}
