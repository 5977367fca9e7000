using Akka.Actor;

namespace AkkaIpc.Remote.TestNode;

/// <summary>Sent to /user/echo: replied to the sender unchanged.</summary>
public sealed record Echo(string Text);

/// <summary>Sent to /user/echo: the node tells <paramref name="Target"/> a <see cref="Greeting"/> (a ref that crossed processes in a message).</summary>
public sealed record Introduce(IActorRef Target);

/// <summary>What the node tells an introduced ref: its pid and its echo actor, which the receiver can Ask directly.</summary>
public sealed record Greeting(int Pid, IActorRef Echo);

/// <summary>A user message with nested structure, carried by Akka's default serializer: the node replies <see cref="OrderTotal"/>.</summary>
public sealed record Order(int Id, string Customer, IReadOnlyList<OrderLine> Lines);

/// <summary>One line of an <see cref="Order"/>.</summary>
public sealed record OrderLine(string Item, int Quantity, decimal Price);

/// <summary>The node's reply to an <see cref="Order"/>: computed on the node from the deserialized order.</summary>
public sealed record OrderTotal(int Id, string Customer, int Items, decimal Total, int Pid);

/// <summary>Asked of any node actor (and of a remotely deployed <see cref="WhereActor"/>): replied with <see cref="Where"/>.</summary>
public sealed record WhereAreYou;

/// <summary>The process an actor runs in and its path.</summary>
public sealed record Where(int Pid, string Path);

/// <summary>The numbered message the delivery spec streams through Akka.Delivery.</summary>
public sealed record Numbered(int N);
