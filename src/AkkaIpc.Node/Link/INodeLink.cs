namespace AkkaIpc.Node.Link;

/// <summary>
/// The node's handle on one supervised socket of the actor layer: commands go in through
/// <see cref="Send"/>; events and replies go to the inbox the link was opened with, as
/// <see cref="NodeEvent"/>s.
/// </summary>
internal interface INodeLink : IAsyncDisposable
{
    /// <summary>The path the socket listens or connects on.</summary>
    string Path { get; }

    /// <summary>Sends a command (<c>Write</c>, <c>Flush</c>, <c>Close</c>, ...) to the socket's supervisor;
    /// its reply arrives in the inbox.</summary>
    void Send(object command);

    /// <summary>Sends a command to the <see cref="NodeEvent.Source"/> of an event (a server connection).</summary>
    void SendTo(object target, object command);
}
