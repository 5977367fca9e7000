namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// Raises one socket's events one at a time, in order. In automatic mode whoever posts to an idle dispatcher either
/// drains it inline (the receive loop, already on a thread-pool thread, for the lowest latency) or schedules a drain
/// on the thread pool (calls made by the application, so handlers never run inside the application's own call).
/// In manual mode only <see cref="Poll"/> drains. DataAvailable and SendProgress are coalesced: at most one of each
/// waits at a time, and handlers read the current state when they run.
/// </summary>
internal sealed class EventDispatcher : IThreadPoolWorkItem
{
    private readonly Lock _lock = new();
    private readonly Queue<PendingEvent> _queue = new();
    private readonly Action<PendingEvent> _raise;
    private readonly Action<PendingEvent, Exception> _handlerFailed;
    private readonly bool _manual;
    private bool _held;
    private bool _draining;
    private bool _dataPending;
    private bool _progressPending;

    /// <param name="raise">Raises one event.</param>
    /// <param name="handlerFailed">Automatic mode: told when a handler threw, on the draining thread (it may queue).</param>
    /// <param name="manual">Manual mode: only Poll drains, and a handler's exception propagates out of Poll.</param>
    /// <param name="held">Queue without raising until <see cref="Release"/>.</param>
    internal EventDispatcher(Action<PendingEvent> raise, Action<PendingEvent, Exception> handlerFailed, bool manual, bool held)
    {
        _raise = raise;
        _handlerFailed = handlerFailed;
        _manual = manual;
        _held = held;
    }

    /// <summary>Queues <paramref name="e"/>; in automatic mode, starts a drain if none runs.</summary>
    internal void Post(PendingEvent e, bool drainInline)
    {
        if (Enqueue(e))
        {
            StartDrain(drainInline);
        }
    }

    /// <summary>
    /// Queues <paramref name="e"/> without raising anything, so a caller can queue under its own lock (the event is
    /// then queued before the state change becomes visible). When it returns <see langword="true"/> the caller must
    /// call <see cref="StartDrain"/> once outside its lock.
    /// </summary>
    internal bool Enqueue(PendingEvent e)
    {
        lock (_lock)
        {
            switch (e.Kind)
            {
                case PendingEventKind.DataAvailable when _dataPending:
                case PendingEventKind.SendProgress when _progressPending:
                    return false;
                case PendingEventKind.DataAvailable:
                    _dataPending = true;
                    break;
                case PendingEventKind.SendProgress:
                    _progressPending = true;
                    break;
            }

            _queue.Enqueue(e);
            if (_manual || _held || _draining)
            {
                return false;
            }

            _draining = true;
            return true;
        }
    }

    /// <summary>Drains on this thread or on the thread pool; only after <see cref="Enqueue"/> returned true.</summary>
    internal void StartDrain(bool inline)
    {
        if (inline)
        {
            Drain(int.MaxValue);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Lets held events flow (sockets from <see cref="IpcListener.AcceptAsync"/>).</summary>
    internal void Release()
    {
        lock (_lock)
        {
            if (!_held)
            {
                return;
            }

            _held = false;
            if (_manual || _draining || _queue.Count == 0)
            {
                return;
            }

            _draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Drops events not yet raised (after Close nothing more is raised).</summary>
    internal void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            _dataPending = _progressPending = false;
        }
    }

    /// <summary>Raises the events queued now on the calling thread; a no-op while another drain runs.</summary>
    internal void Poll()
    {
        int count;
        lock (_lock)
        {
            if (_draining || _held)
            {
                return;
            }

            _draining = true;
            count = _queue.Count;
        }

        Drain(count);
    }

    void IThreadPoolWorkItem.Execute() => Drain(int.MaxValue);

    private void Drain(int budget)
    {
        while (true)
        {
            PendingEvent e;
            lock (_lock)
            {
                if (budget-- <= 0 || !_queue.TryDequeue(out e))
                {
                    _draining = false;
                    return;
                }

                if (e.Kind == PendingEventKind.DataAvailable)
                {
                    _dataPending = false;
                }
                else if (e.Kind == PendingEventKind.SendProgress)
                {
                    _progressPending = false;
                }
            }

            try
            {
                _raise(e);
            }
            catch (Exception ex) when (!_manual)
            {
                // An application bug on a thread-pool thread must not end the process: the socket reports it (and
                // what it queues is raised by this same drain).
                _handlerFailed(e, ex);
            }
            catch
            {
                lock (_lock)
                {
                    _draining = false;
                }

                throw;
            }
        }
    }
}
