using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

// The single-peer listener's accept loop (reference semantics: one peer, later peers refused at once).
public sealed partial class IpcSocket
{
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    private async Task AcceptLoopAsync(Socket listener, int generation)
    {
        while (true)
        {
            // Never accept the process's last descriptors (the runtime needs some to start threads): short of them,
            // slow down instead of failing; the peer waits in the backlog meanwhile.
            if (!DescriptorReserve.Shared.TryReserveRoom())
            {
                await Task.Delay(AcceptRetryDelay).ConfigureAwait(false);
                continue;
            }

            Socket peer;
            try
            {
                peer = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (SocketException e) when (SocketErrors.IsDescriptorExhaustion(e))
            {
                DescriptorReserve.Shared.Release();
                await Task.Delay(AcceptRetryDelay).ConfigureAwait(false);
                continue;
            }
            catch (SocketException e) when (SocketErrors.IsTransientAcceptError(e))
            {
                continue;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                OnListenerFailed(generation, e);
                return;
            }

            var credentials = PeerCredentialReader.Read(peer);
            if (!PeerCredentialReader.IsAllowed(credentials, Options))
            {
                peer.ShutdownAndDispose();
                _events.Post(new PendingEvent(PendingEventKind.PeerRejected, credentials), drainInline: false);
                continue;
            }

            var becameConnection = false;
            lock (_gate)
            {
                if (generation != _generation)
                {
                    peer.ShutdownAndDispose();
                    return;
                }

                if (_state == SocketState.Listening)
                {
                    BecomeConnected(peer, credentials, startReceiving: true);
                    becameConnection = true;
                }
            }

            if (!becameConnection)
            {
                // Reference semantics: one peer. Later peers are refused at once rather than left hanging.
                peer.ShutdownAndDispose();
            }
        }
    }
}
