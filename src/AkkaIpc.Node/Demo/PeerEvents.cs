namespace AkkaIpc.Node.Demo;

/// <summary>A line the peer process printed (stdout, or stderr with a <c>stderr: </c> prefix).</summary>
internal sealed record PeerOutput(int Peer, string Line);

/// <summary>The peer process ended, after all its output was read.</summary>
internal sealed record PeerExited(int Peer, int ExitCode);
