namespace AkkaIpc.Node.Link;

/// <summary>What the node asks the actor layer to open.</summary>
internal enum SocketRoleKind
{
    Listen,
    Connect,
    Serve,
}
