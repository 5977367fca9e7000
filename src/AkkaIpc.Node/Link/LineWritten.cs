namespace AkkaIpc.Node.Link;

/// <summary>The ack token of one written chat line: the socket answers with it once the bytes are in the kernel.</summary>
internal sealed record LineWritten(long Sequence);
