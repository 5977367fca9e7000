using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;

namespace Akka.StandIn.Tests.Runtime;

public sealed class LoggerSpec
{
    private static readonly ConcurrentDictionary<string, BlockingCollection<LogEvent>> Received = new();

    [Fact]
    public void Configured_loggers_are_initialized_and_get_events_at_or_above_the_log_level()
    {
        var loggerName = typeof(RecordingLogger).FullName + ", " + typeof(RecordingLogger).Assembly.GetName().Name;
        using var system = Sys.Create($"akka.loglevel = WARNING\nakka.loggers = [\"{loggerName}\"]");
        var received = Received.GetOrAdd(system.Name, _ => new BlockingCollection<LogEvent>());

        system.Log.Info("not at this level");
        system.Log.Warning("a warning");
        system.Log.Error(new InvalidOperationException("bad"), "an error");

        Assert.True(received.TryTake(out var first, Collector.DefaultWait));
        Assert.True(received.TryTake(out var second, Collector.DefaultWait));
        Assert.IsType<Warning>(first);
        Assert.Equal("a warning", first!.Message.ToString());
        Assert.IsType<Error>(second);
        Assert.IsType<InvalidOperationException>(second!.Cause);
        Assert.False(received.TryTake(out _, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void Inside_an_actor_the_one_argument_Tell_uses_Self_and_Forward_keeps_the_original_sender()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var relay = system.ActorOf(Props.Create(() => new Relay(events.Ref)), "relay");

        relay.Tell("tell", events.Ref);
        events.Expect("tell");
        Assert.Equal(relay, events.LastSender);
        relay.Tell("forward", events.Ref);
        events.Expect("forward");
        Assert.Equal(events.Ref, events.LastSender);
    }

    public sealed class RecordingLogger : ReceiveActor
    {
        public RecordingLogger()
        {
            Receive<InitializeLogger>(_ => Sender.Tell(LoggerInitialized.Instance));
            Receive<LogEvent>(e => Received.GetOrAdd(Context.System.Name, _ => new BlockingCollection<LogEvent>()).Add(e));
        }
    }

    internal sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef target)
        {
            Receive<string>(s => s == "tell", s => target.Tell(s));
            Receive<string>(s => s == "forward", s => target.Forward(s));
        }
    }
}
