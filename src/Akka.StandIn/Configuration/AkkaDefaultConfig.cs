namespace Akka.Configuration;

/// <summary>
/// The stand-in's copy of the Akka.NET 1.5 defaults that the runtime reads (a subset of Akka's
/// <c>akka.conf</c>). This text is the only home of those defaults; code reads them through
/// <see cref="ConfigurationFactory.Default"/>.
/// </summary>
internal static class AkkaDefaultConfig
{
    internal const string Text = """
        akka {
          version = "1.5.30"
          home = ""
          extensions = []
          # Loggers started at system start: assembly-qualified type names.
          loggers = ["Akka.Event.DefaultLogger"]
          logger-startup-timeout = 5s
          loglevel = "INFO"
          stdout-loglevel = "WARNING"
          log-config-on-start = off
          log-dead-letters = 10
          log-dead-letters-during-shutdown = off
          log-dead-letters-suspend-duration = 5 minutes

          actor {
            provider = "Akka.Actor.LocalActorRefProvider"
            guardian-supervisor-strategy = "Akka.Actor.DefaultSupervisorStrategy"
            creation-timeout = 20s
            # Ask without an explicit timeout waits forever.
            ask-timeout = infinite
            debug {
              receive = off
              autoreceive = off
              lifecycle = off
              fsm = off
              event-stream = off
              unhandled = off
              router-misconfiguration = off
            }
          }

          scheduler {
            tick-duration = 10ms
            ticks-per-wheel = 512
          }

          coordinated-shutdown {
            default-phase-timeout = 5 s
            terminate-actor-system = on
            run-by-actor-system-terminate = on
          }
        }
        """;
}
