namespace AkkaIpc.Sockets.Internal;

/// <summary>The file types the socket-file rules distinguish.</summary>
internal enum FileKind
{
    Socket,
    RegularFile,
    Directory,
    Symlink,
    Other,
}
