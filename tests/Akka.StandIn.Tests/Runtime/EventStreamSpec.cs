using Akka.Actor;
using Akka.Event;

namespace Akka.StandIn.Tests.Runtime;

public sealed class EventStreamSpec
{
    [Fact]
    public void Subscribers_to_a_base_type_receive_derived_events_once()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        Assert.True(system.EventStream.Subscribe(events.Ref, typeof(Animal)));
        Assert.True(system.EventStream.Subscribe(events.Ref, typeof(Dog)));
        Assert.False(system.EventStream.Subscribe(events.Ref, typeof(Dog)));

        system.EventStream.Publish(new Dog());
        system.EventStream.Publish("not an animal");
        system.EventStream.Publish(new Animal());

        events.Expect<Dog>();
        events.Expect<Animal>();
        events.ExpectNothing(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Unsubscribe_stops_delivery()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        system.EventStream.Subscribe(events.Ref, typeof(Animal));

        Assert.True(system.EventStream.Unsubscribe(events.Ref, typeof(Animal)));
        system.EventStream.Publish(new Animal());

        events.ExpectNothing(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_logger_from_the_actor_context_publishes_with_the_actor_path_as_source()
    {
        using var system = Sys.Create();
        var logs = new Collector(system);
        system.EventStream.Subscribe(logs.Ref, typeof(Info));
        var actor = system.ActorOf(Props.Create(() => new LoggingActor()), "logging");

        actor.Tell("hello");

        var info = logs.FishFor<Info>(i => i.LogSource == actor.Path.ToString());
        Assert.Equal("said hello 2", info.Message.ToString());
        Assert.Equal(typeof(LoggingActor), info.LogClass);
    }

    [Fact]
    public void Debug_events_are_dropped_unless_the_log_level_is_DEBUG()
    {
        using var info = Sys.Create();
        using var debug = Sys.Create("akka.loglevel = DEBUG");

        Assert.False(Logging.GetLogger(info, "test").IsDebugEnabled);
        Assert.True(Logging.GetLogger(info, "test").IsInfoEnabled);
        Assert.True(Logging.GetLogger(debug, "test").IsDebugEnabled);
    }

    [Fact]
    public void Dead_letters_are_logged_at_Info_up_to_the_configured_count()
    {
        using var system = Sys.Create("akka.log-dead-letters = 2");
        var logs = new Collector(system);
        system.EventStream.Subscribe(logs.Ref, typeof(Info));

        for (var i = 0; i < 4; i++)
            system.DeadLetters.Tell("lost " + i);

        Assert.Contains("was not delivered", logs.FishFor<Info>(i => i.Message.ToString()!.Contains("[1]")).Message.ToString());
        logs.FishFor<Info>(i => i.Message.ToString()!.Contains("[2]"));
        logs.ExpectNothing(TimeSpan.FromMilliseconds(200));
    }

    internal class Animal;

    internal sealed class Dog : Animal;

    internal sealed class LoggingActor : ReceiveActor
    {
        private readonly ILoggingAdapter _log = Context.GetLogger();

        public LoggingActor() => Receive<string>(s => _log.Info("said {0} {1}", s, 2));
    }
}
