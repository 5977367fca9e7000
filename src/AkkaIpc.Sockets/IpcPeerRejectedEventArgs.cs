namespace AkkaIpc.Sockets;

/// <summary>Arguments of the PeerRejected events: a peer whose uid the listener does not allow was closed.</summary>
/// <param name="credentials">The rejected peer's credentials.</param>
public sealed class IpcPeerRejectedEventArgs(PeerCredentials credentials) : EventArgs
{
    /// <summary>The rejected peer's credentials (pid, uid, gid).</summary>
    public PeerCredentials Credentials { get; } = credentials;
}
