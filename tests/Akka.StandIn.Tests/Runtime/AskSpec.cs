using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class AskSpec
{
    [Fact]
    public async Task Ask_completes_with_the_first_reply()
    {
        using var system = Sys.Create();
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");

        Assert.Equal("hello", await echo.Ask<string>("hello", TimeSpan.FromSeconds(10)));
        Assert.Equal(42, await echo.Ask(42, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ask_faults_with_AskTimeoutException_when_no_reply_arrives_in_time()
    {
        using var system = Sys.Create();
        var silent = system.ActorOf(Props.Create(() => new EchoActor()), "silent");

        await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>(new Silence(), TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Ask_without_a_timeout_uses_akka_actor_ask_timeout()
    {
        using var system = Sys.Create("akka.actor.ask-timeout = 100ms");
        var silent = system.ActorOf(Props.Create(() => new EchoActor()), "silent");

        Assert.Equal(TimeSpan.FromMilliseconds(100), system.Settings.AskTimeout);
        await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>(new Silence()));
    }

    [Fact]
    public async Task Ask_faults_with_ArgumentException_when_the_reply_has_another_type()
    {
        using var system = Sys.Create();
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");

        await Assert.ThrowsAsync<ArgumentException>(() => echo.Ask<int>("not a number", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ask_faults_with_the_cause_of_a_Status_Failure_reply()
    {
        using var system = Sys.Create();
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => echo.Ask<string>(new Status.Failure(new InvalidOperationException("nope")), TimeSpan.FromSeconds(10)));
        Assert.Equal("nope", e.Message);
    }

    [Fact]
    public async Task Ask_is_cancelled_with_its_token()
    {
        using var system = Sys.Create();
        var silent = system.ActorOf(Props.Create(() => new EchoActor()), "silent");
        using var cts = new CancellationTokenSource();

        var ask = silent.Ask<string>(new Silence(), TimeSpan.FromSeconds(30), cts.Token);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task PipeTo_sends_the_result_or_a_Status_Failure()
    {
        using var system = Sys.Create();
        var events = new Collector(system);

        await Task.FromResult(7).PipeTo(events.Ref);
        await Task.FromException<int>(new TimeoutException("late")).PipeTo(events.Ref);
        await Task.CompletedTask.PipeTo(events.Ref, success: () => "done");
        await Task.FromResult(1).PipeTo(events.Ref, success: i => $"mapped {i}");

        Assert.Equal(7, events.Next());
        Assert.IsType<TimeoutException>(events.Expect<Status.Failure>().Cause);
        events.Expect("done");
        events.Expect("mapped 1");
    }

    [Fact]
    public async Task GracefulStop_returns_true_when_the_actor_stops_and_false_on_timeout()
    {
        using var system = Sys.Create();
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var stubborn = system.ActorOf(Props.Create(() => new EchoActor()), "stubborn");

        Assert.True(await echo.GracefulStop(TimeSpan.FromSeconds(10)));
        Assert.False(await stubborn.GracefulStop(TimeSpan.FromMilliseconds(100), "not a stop message"));
    }

    internal sealed record Silence;

    internal sealed class EchoActor : ReceiveActor
    {
        public EchoActor()
        {
            Receive<Silence>(_ => { });
            ReceiveAny(m => Sender.Tell(m));
        }
    }
}
