namespace AkkaIpc.Node.Link;

/// <summary>The ack token of one write of chat lines: the socket answers with it once the bytes are in the kernel.</summary>
/// <param name="Bytes">The lines' bytes as entered in the chat's input window, given back on the ack.</param>
internal sealed record LineWritten(long Bytes);
