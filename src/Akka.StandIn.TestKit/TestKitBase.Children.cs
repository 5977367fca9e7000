using Akka.Actor;
using Akka.TestKit.Internal;

namespace Akka.TestKit;

/// <content>ChildActorOf: an actor created under a test parent with a chosen supervisor strategy.</content>
public abstract partial class TestKitBase
{
    /// <summary>
    /// Creates <paramref name="props"/> as the child of a test parent supervising it with
    /// <paramref name="supervisorStrategy"/>; messages the child sends its parent reach <see cref="TestActor"/>.
    /// </summary>
    /// <param name="props">The child's recipe.</param>
    /// <param name="name">The child's name.</param>
    /// <param name="supervisorStrategy">The parent's strategy.</param>
    /// <param name="cancellationToken">Cancels the wait for the child.</param>
    /// <returns>The child.</returns>
    public IActorRef ChildActorOf(Props props, string name, SupervisorStrategy supervisorStrategy, CancellationToken cancellationToken = default) =>
        ChildActorOfAsync(props, name, supervisorStrategy, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Creates <paramref name="props"/> as the child of a test parent supervising it with <paramref name="supervisorStrategy"/>.</summary>
    /// <param name="props">The child's recipe.</param>
    /// <param name="supervisorStrategy">The parent's strategy.</param>
    /// <param name="cancellationToken">Cancels the wait for the child.</param>
    /// <returns>The child.</returns>
    public IActorRef ChildActorOf(Props props, SupervisorStrategy supervisorStrategy, CancellationToken cancellationToken = default) =>
        ChildActorOfAsync(props, null, supervisorStrategy, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Creates <paramref name="props"/> as the child of a test parent with the default strategy.</summary>
    /// <param name="props">The child's recipe.</param>
    /// <param name="name">The child's name.</param>
    /// <param name="cancellationToken">Cancels the wait for the child.</param>
    /// <returns>The child.</returns>
    public IActorRef ChildActorOf(Props props, string name, CancellationToken cancellationToken = default) =>
        ChildActorOfAsync(props, name, null, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Creates <paramref name="props"/> as the child of a test parent with the default strategy.</summary>
    /// <param name="props">The child's recipe.</param>
    /// <param name="cancellationToken">Cancels the wait for the child.</param>
    /// <returns>The child.</returns>
    public IActorRef ChildActorOf(Props props, CancellationToken cancellationToken = default) =>
        ChildActorOfAsync(props, null, null, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ChildActorOf(Props, string, SupervisorStrategy, CancellationToken)"/>.</summary>
    /// <param name="props">The child's recipe.</param>
    /// <param name="name">The child's name; generated when null.</param>
    /// <param name="supervisorStrategy">The parent's strategy; the default strategy when null.</param>
    /// <param name="cancellationToken">Cancels the wait for the child.</param>
    /// <exception cref="TimeoutException">The parent did not create the child within the default timeout.</exception>
    public async Task<IActorRef> ChildActorOfAsync(Props props, string name, SupervisorStrategy supervisorStrategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(props);
        var created = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var testActor = TestActor;
        Sys.ActorOf(Props.Create(() => new TestParentActor(props, name, supervisorStrategy, testActor, created)));
        var bound = Dilated(TestKitSettings.DefaultTimeout);
        return await created.Task.WaitAsync(bound, cancellationToken).ConfigureAwait(false);
    }
}
