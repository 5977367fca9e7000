namespace AkkaIpc.TestKit;

/// <summary>How a <see cref="ScriptedPeer"/> frames what it sends and cuts what it receives.</summary>
public enum PeerFraming
{
    /// <summary>Every message is a 4-byte big-endian length and the payload: AkkaIpc's default for actor links.</summary>
    LengthPrefixed,

    /// <summary>A plain byte stream, like the reference IPCSocket and the akka-ipc node.</summary>
    Raw,
}
