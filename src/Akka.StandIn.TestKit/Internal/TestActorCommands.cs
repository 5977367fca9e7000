using Akka.Actor;

namespace Akka.TestKit.Internal;

// These control messages carry a TaskCompletionSource instead of expecting a reply message: a reply would
// land in the very queue the test reads, and the test thread must block until the test actor has acted.

/// <summary>Asks the test actor to death-watch <see cref="Subject"/>; <see cref="Done"/> completes once it does.</summary>
internal sealed record WatchSubject(IActorRef Subject, TaskCompletionSource Done);

/// <summary>Asks the test actor to stop watching <see cref="Subject"/>; <see cref="Done"/> completes once it has.</summary>
internal sealed record UnwatchSubject(IActorRef Subject, TaskCompletionSource Done);

/// <summary>Replaces the test actor's ignore predicate (null ignores nothing).</summary>
internal sealed record SetIgnore(Func<object, bool> ShouldIgnore, TaskCompletionSource Done);
