namespace AkkaIpc;

/// <summary>
/// The identity of the process at the other end of a connected socket, as the kernel recorded it (Linux SO_PEERCRED):
/// for a connecting peer, its credentials at <c>connect()</c>; for a listener, its credentials at <c>listen()</c>.
/// </summary>
/// <param name="Pid">The peer's process id.</param>
/// <param name="Uid">The peer's effective user id.</param>
/// <param name="Gid">The peer's effective group id.</param>
public sealed record PeerCredentials(int Pid, int Uid, int Gid);
