namespace AkkaIpc;

/// <summary>What a socket actor does with its path; reported in <see cref="SocketStatus.Role"/>.</summary>
public enum SocketRole
{
    /// <summary>Listens on the path and talks to one peer at a time (reference <c>Listen</c>); restarted after the peer goes.</summary>
    Listener,

    /// <summary>Connects to a listener on the path (reference <c>Connect</c>); retries while nothing listens.</summary>
    Connector,

    /// <summary>Accepts many peers on one path; each one becomes an <see cref="Accepted"/> connection.</summary>
    Server,

    /// <summary>One connection accepted by a <see cref="Server"/>; it ends for good when its peer goes.</summary>
    Accepted,
}
