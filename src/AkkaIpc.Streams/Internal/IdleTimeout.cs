using Akka.IO;
using Akka.Streams.Dsl;

namespace AkkaIpc.Streams.Internal;

/// <summary>Wraps a connection's flow so that it fails with <see cref="TcpIdleTimeoutException"/> when no byte passes either way for a while.</summary>
internal static class IdleTimeout
{
    public static Flow<ByteString, ByteString, TMat> Apply<TMat>(Flow<ByteString, ByteString, TMat> connection, TimeSpan? timeout, string path)
    {
        if (timeout is not { } idle)
        {
            return connection;
        }

        // The bidi stage watches both directions; its TimeoutException is renamed for whoever reads the bytes.
        return connection
            .Join(BidiFlow.BidirectionalIdleTimeout<ByteString, ByteString>(idle))
            .SelectError(e => e is TimeoutException and not TcpIdleTimeoutException
                ? new TcpIdleTimeoutException($"no bytes passed on the connection on {path} for {idle}", idle)
                : e);
    }
}
