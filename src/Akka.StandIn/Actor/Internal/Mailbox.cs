using System.Collections.Concurrent;
using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

/// <summary>
/// One actor's mailbox and its turn on the thread pool. Producers enqueue lock-free; a single atomic
/// <c>_scheduled</c> flag guarantees at most one thread runs the actor at a time. System messages have
/// priority and are drained before every user message; user messages are taken in batches of
/// <see cref="Throughput"/> per turn so that other actors get the pool too.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Throughput = 30;
    private const int IdleSpinLimit = 8;
    private const int IdleSpinIterations = 16;

    private readonly ConcurrentQueue<Envelope> _userQueue = new();
    private readonly ConcurrentQueue<SystemMessage> _systemQueue = new();

    // Only the actor's own turn touches the front stack (stash Unstash/Prepend), so it needs no locking.
    private readonly Stack<Envelope> _front = new();
    private ActorCell _cell;
    private int _scheduled;
    private volatile bool _userSuspended;

    // Cheaper to poll between user messages than ConcurrentQueue.IsEmpty. Set after every enqueue and
    // cleared by the runner before it drains, so no message is missed; the end-of-turn check reads the queue.
    private volatile bool _hasSystemMessages;
    private volatile bool _closed;

    public bool IsClosed => _closed;

    public bool HasUserMessages => _front.Count > 0 || !_userQueue.IsEmpty;

    public void SetCell(ActorCell cell) => _cell = cell;

    public void Post(in Envelope envelope)
    {
        _userQueue.Enqueue(envelope);

        // A closed mailbox still needs a turn: it hands late messages to dead letters.
        if (!_userSuspended || _closed)
            TrySchedule();
    }

    public void PostSystem(SystemMessage message)
    {
        _systemQueue.Enqueue(message);
        _hasSystemMessages = true;
        TrySchedule();
    }

    /// <summary>Puts messages at the head of the queue, first element first (used by the stash).</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        for (var i = envelopes.Count - 1; i >= 0; i--)
            _front.Push(envelopes[i]);
    }

    public void PrependOne(in Envelope envelope) => _front.Push(envelope);

    /// <summary>Called on the actor's turn when its ability to take user messages changes.</summary>
    public void SetUserSuspended(bool suspended) => _userSuspended = suspended;

    /// <summary>Marks the mailbox dead; anything still queued, now or later, goes to dead letters.</summary>
    public void Close() => _closed = true;

    public bool TryDequeue(out Envelope envelope)
    {
        if (_front.Count > 0)
        {
            envelope = _front.Pop();
            return true;
        }

        return _userQueue.TryDequeue(out envelope);
    }

    /// <summary>
    /// Schedules a turn unless one is pending or running. A send from inside an actor prefers the current
    /// worker's local queue (the receiver often runs next on the same core, which keeps request/response
    /// latency low); a busy actor re-queues itself globally so it cannot starve other work on its worker.
    /// </summary>
    public void TrySchedule(bool preferLocal = true)
    {
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal);
    }

    public void Execute()
    {
        var cell = _cell;
        var previous = ActorCell.Current;
        ActorCell.Current = cell;
        try
        {
            if (!_closed)
                Run(cell);
            if (_closed)
                DrainToDeadLetters(cell);
        }
        catch (Exception e)
        {
            // The cell handles actor failures itself; anything reaching here is a runtime bug, and letting it
            // escape a thread-pool work item would kill the whole process.
            Console.Error.WriteLine($"[ERROR] Mailbox of {cell.Self.Path} failed: {e}");
        }
        finally
        {
            ActorCell.Current = previous;
            Interlocked.Exchange(ref _scheduled, 0);
        }

        // Something may have been enqueued after the last check but before the flag was cleared.
        if (!_systemQueue.IsEmpty || ((_closed || !_userSuspended) && HasUserMessages))
            TrySchedule(preferLocal: false);
    }

    private void Run(ActorCell cell)
    {
        ProcessSystemMessages(cell);
        var left = Throughput;
        var idleSpins = 0;
        while (left > 0 && !_userSuspended && !_closed)
        {
            if (!TryDequeue(out var envelope))
            {
                // A producer that is mid-stream usually enqueues again within a few hundred nanoseconds;
                // waiting briefly is far cheaper than going idle and being woken through the thread pool.
                // Only when streaming: a request/response partner may be queued behind us on this thread.
                if (Throughput - left < 2 || ++idleSpins > IdleSpinLimit)
                    break;
                Thread.SpinWait(IdleSpinIterations);
                continue;
            }

            left--;
            cell.Invoke(envelope);
            if (_hasSystemMessages)
                ProcessSystemMessages(cell);
        }
    }

    private void ProcessSystemMessages(ActorCell cell)
    {
        _hasSystemMessages = false;
        while (!_closed && _systemQueue.TryDequeue(out var message))
            cell.SystemInvoke(message);
    }

    private void DrainToDeadLetters(ActorCell cell)
    {
        while (_systemQueue.TryDequeue(out var message))
            cell.SystemMessageAfterDeath(message);
        while (TryDequeue(out var envelope))
            cell.DeadLetter(envelope);
    }
}
