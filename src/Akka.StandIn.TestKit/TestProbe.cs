using Akka.Actor;
using Akka.Dispatch.SysMsg;

namespace Akka.TestKit;

/// <summary>
/// A second test actor with its own queue, usable as an <see cref="IActorRef"/> (target or sender). It
/// does not become the test thread's implicit sender. <c>probe.Tell(msg)</c> works through the
/// implicit-sender extension; to choose a sender use <c>probe.Ref.Tell(msg, sender)</c>.
/// </summary>
public class TestProbe : TestKitBase, IInternalActorRef, INoImplicitSender
{
    /// <summary>Creates a probe in <paramref name="system"/>; prefer <c>CreateTestProbe()</c>.</summary>
    /// <param name="system">The system the probe lives in.</param>
    /// <param name="assertions">How failures are reported.</param>
    /// <param name="testProbeName">The probe actor's name; generated when null.</param>
    public TestProbe(ActorSystem system, ITestKitAssertions assertions, string testProbeName = null)
        : base(assertions, system ?? throw new ArgumentNullException(nameof(system)), testProbeName)
    {
    }

    /// <summary>The probe's own actor reference.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>The sender of the message taken last.</summary>
    public IActorRef Sender => LastSender;

    ActorPath IActorRef.Path => TestActor.Path;

    IInternalActorRef IInternalActorRef.Parent => Internal.Parent;

    bool IInternalActorRef.IsTerminated => Internal.IsTerminated;

    private IInternalActorRef Internal => (IInternalActorRef)TestActor;

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the probe as sender.</summary>
    /// <param name="actor">The receiver.</param>
    /// <param name="message">The message.</param>
    public void Send(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, TestActor);
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the last message's sender as sender.</summary>
    /// <param name="actor">The receiver.</param>
    /// <param name="message">The message.</param>
    public void Forward(IActorRef actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Tell(message, LastSender);
    }

    /// <summary>Forwards the last message, with its sender, to <paramref name="actor"/>.</summary>
    /// <param name="actor">The receiver.</param>
    public void Forward(IActorRef actor) => Forward(actor, LastMessage);

    /// <summary>Sends <paramref name="message"/> to the last message's sender, with the probe as sender.</summary>
    /// <param name="message">The reply.</param>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    /// <summary>Not supported: create probes from the TestKit.</summary>
    /// <param name="name">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    // Akka marks this override obsolete-as-error so probe.CreateTestProbe() does not compile; mirror that.
#pragma warning disable CS0809
    [Obsolete("Cannot create a TestProbe from a TestProbe", true)]
    public override TestProbe CreateTestProbe(string name = null) => throw new NotSupportedException("Cannot create a TestProbe from a TestProbe");
#pragma warning restore CS0809

    /// <inheritdoc />
    public override string ToString() => $"TestProbe({TestActor})";

    /// <summary>Orders like the probe's actor reference.</summary>
    /// <param name="obj">Another actor reference.</param>
    public int CompareTo(object obj) => TestActor.CompareTo(obj is TestProbe probe ? probe.TestActor : obj);

    /// <summary>Equal to another probe or reference for the same actor.</summary>
    /// <param name="obj">Another probe or actor reference.</param>
    public override bool Equals(object obj) => TestActor.Equals(obj is TestProbe probe ? probe.TestActor : obj);

    /// <inheritdoc />
    public override int GetHashCode() => TestActor.GetHashCode();

    void ICanTell.Tell(object message, IActorRef sender) => TestActor.Tell(message, sender);

    int IComparable<IActorRef>.CompareTo(IActorRef other) => TestActor.CompareTo(other);

    bool IEquatable<IActorRef>.Equals(IActorRef other) => TestActor.Equals(other);

    void IInternalActorRef.Stop() => Internal.Stop();

    void IInternalActorRef.SendSystemMessage(ISystemMessage message) => Internal.SendSystemMessage(message);
}
