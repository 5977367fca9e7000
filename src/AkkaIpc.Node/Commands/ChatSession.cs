using System.Text;
using Akka.Actor;
using AkkaIpc.Node.Hosting;
using AkkaIpc.Node.Link;
using AkkaIpc.Sockets;

namespace AkkaIpc.Node.Commands;

/// <summary>
/// The interactive two-instance chat of <c>listen</c> and <c>connect</c>: stdin lines are written and
/// flushed; received data and the socket's events are printed in the reference sample's words. Lines
/// typed while no peer is connected wait for the next <c>Connected</c>. Flow control: the stdin thread
/// may run ahead of the acknowledgements by one <see cref="InputWindow"/> only, so a fast producer waits
/// for the peer instead of overflowing the send queue; lines read meanwhile go out together (raw framing)
/// once the inbox is drained. A write that fails ends the run (exit 2): a line was lost. At end of input
/// the session waits until every line it wrote is acknowledged (in the kernel), then closes and ends with 0.
/// </summary>
internal sealed class ChatSession
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(5);

    // Lines joined into one write (raw framing): few large writes instead of one per line, each still acknowledged.
    private const int BatchBytes = 64 * 1024;

    private readonly NodeLink _link;
    private readonly EventQueue _inbox;
    private readonly bool _lineBreaks;
    private readonly InputWindow _window;
    private readonly Queue<InputLine> _pending = new();
    private readonly ReceivedText _received = new();
    private long _pendingBytes;
    private int _unacknowledged;
    private bool _connected;
    private bool _everConnected;
    private bool _supervisorDeciding;
    private bool _inputEnded;
    private NodeExitException? _inputFailure;

    /// <param name="link">The socket the chat runs on.</param>
    /// <param name="inbox">Where the link's events and the stdin lines arrive.</param>
    /// <param name="lineBreaks">True in raw framing: each line goes out with its line break, so ordinary
    /// line-oriented tools on the other end see lines. With length-prefixed framing a line is a frame.</param>
    /// <param name="window">Where the stdin thread entered each line's bytes; they are given back on its ack.</param>
    public ChatSession(NodeLink link, EventQueue inbox, bool lineBreaks, InputWindow window)
    {
        _link = link;
        _inbox = inbox;
        _lineBreaks = lineBreaks;
        _window = window;
    }

    /// <summary>Runs until end of input (0), a socket failure for good (2) or cancellation.</summary>
    /// <exception cref="OperationCanceledException">A shutdown signal arrived; the caller closes the link.</exception>
    /// <exception cref="NodeExitException">The socket failed for good.</exception>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await _inbox.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            Handle(next.Message);
            if (_inbox.IsEmpty || _pendingBytes >= BatchBytes)
            {
                WritePending();
            }

            if (_inputEnded && _pending.Count == 0 && _unacknowledged <= 0)
            {
                if (!_everConnected)
                {
                    await SettleAsync(cancellationToken).ConfigureAwait(false);
                }

                await CloseAsync(_link, _inbox, cancellationToken).ConfigureAwait(false);
                return _inputFailure is null ? ExitCodes.Ok : throw _inputFailure;
            }
        }
    }

    /// <summary>
    /// Sends <c>Close</c> and waits (bounded) for <c>Closed</c>, or for the end of the socket's actor if it
    /// had already stopped, ignoring what arrives meanwhile.
    /// </summary>
    public static async Task CloseAsync(NodeLink link, EventQueue inbox, CancellationToken cancellationToken)
    {
        link.Send(Close.Instance);
        var deadline = DateTime.UtcNow + CloseTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var next = await inbox.ReceiveAsync(deadline - DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
            if (next is null || next.Message is Closed or GaveUp or Terminated)
            {
                return;
            }
        }
    }

    private void Handle(object message)
    {
        switch (message)
        {
            case InputLine line:
                _pending.Enqueue(line);
                _pendingBytes += line.Bytes;
                break;
            case InputEnded:
                _inputEnded = true;
                break;
            case InputTooLong tooLong:
                // Like the end of input (what came before is still delivered), then the error.
                _inputEnded = true;
                _inputFailure = new NodeExitException(ExitCodes.SocketError, EventText.Failure(
                    IpcErrorCode.OutOfMemoryError,
                    $"stdin line {tooLong.LineNumber} is longer than {tooLong.Limit.Bytes} bytes, the most one write may carry ({tooLong.Limit.Setting})",
                    _link.Path));
                break;
            case Listening listening:
                ConsoleOutput.Line(EventText.Listening(listening));
                break;
            case Connected:
                _connected = true;
                _everConnected = true;
                _received.Reset();
                ConsoleOutput.Line(EventText.Connected);
                break;
            case Received received:
                foreach (var text in EventText.DataAvailable(_received.Decode(received.Data.AsSpan())))
                {
                    ConsoleOutput.Line(text);
                }

                break;
            case PeerRejected rejected:
                ConsoleOutput.Line(EventText.PeerRejected(rejected));
                break;
            case IpcError error:
                _connected = false;
                _supervisorDeciding = true;
                ConsoleOutput.Line(EventText.Error(error.Code));
                break;
            case Restarting restarting:
                _supervisorDeciding = false;
                ConsoleOutput.Line(EventText.Restarting(restarting));
                break;
            case GaveUp gaveUp:
                throw new NodeExitException(ExitCodes.SocketError, EventText.Failure(gaveUp.Cause, gaveUp.Message, _link.Path));
            case CommandFailed { Command: Flush }:
                // Not a line: the Flush found the socket down, which its IpcError reports; the lines it would have
                // pushed are answered by their own acks or failures.
                break;
            case CommandFailed failed:
                // A write failed (the peer went with it in flight, or a limit refused it): lines are lost, so the run
                // ends with the error, never with 0.
                ConsoleOutput.Line(EventText.Error(failed.Code));
                throw new NodeExitException(ExitCodes.SocketError, EventText.Failure(failed.Code, "a chat line was not delivered: " + failed.Message, _link.Path));
            case Closed closed:
                throw new NodeExitException(ExitCodes.SocketError, $"error: the socket closed: {closed.Reason}: {_link.Path}");
            case LineWritten written:
                _unacknowledged--;
                _window.Leave(written.Bytes);
                break;
            case Terminated:
                throw new NodeExitException(ExitCodes.SocketError, $"error: the socket stopped unexpectedly: {_link.Path}");
        }
    }

    /// <summary>
    /// Input ended before any peer connected (e.g. stdin is /dev/null): before closing, make sure a failure
    /// of the socket's start (105, 107, 100, ...) is reported rather than lost in a race with the close.
    /// The socket actor opens its socket in PreStart, and a listen fails right there; the answer to a first
    /// <c>GetStatus</c> proves PreStart has run, the answer to a second one that the failure, if any, has
    /// been handled and reported as a <c>IpcError</c>. After a <c>IpcError</c> the supervisor's
    /// verdict follows: <c>Restarting</c> (close anyway) or <c>GaveUp</c> (exit 2).
    /// </summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        var statusRounds = 0;
        _link.Send(GetStatus.Instance);
        while (statusRounds < 2 || _supervisorDeciding)
        {
            var left = deadline - DateTime.UtcNow;
            var next = left > TimeSpan.Zero ? await _inbox.ReceiveAsync(left, cancellationToken).ConfigureAwait(false) : null;
            if (next is null)
            {
                // No answer in time: nothing more to learn; the close proceeds.
                return;
            }

            if (next.Message is SocketStatus && ++statusRounds < 2)
            {
                _link.Send(GetStatus.Instance);
            }

            Handle(next.Message);
        }
    }

    private void WritePending()
    {
        if (!_connected || _pending.Count == 0)
        {
            // With nothing to push, a Flush could only race a peer that is already going and fail with 106.
            return;
        }

        while (_pending.Count > 0)
        {
            var batch = new StringBuilder();
            long bytes = 0;
            do
            {
                var line = _pending.Dequeue();
                bytes += line.Bytes;
                batch.Append(line.Text);
                if (_lineBreaks)
                {
                    batch.Append('\n');
                }
            }
            while (_lineBreaks && _pending.Count > 0 && bytes + _pending.Peek().Bytes <= BatchBytes);

            // With length-prefixed framing each line is a frame of its own, so one write per line.
            _unacknowledged++;
            _pendingBytes -= bytes;
            _link.Send(Write.Text(batch.ToString(), new LineWritten(bytes)));
        }

        _link.Send(Flush.Instance);
    }
}
