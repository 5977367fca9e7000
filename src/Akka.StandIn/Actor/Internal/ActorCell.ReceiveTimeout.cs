namespace Akka.Actor.Internal;

internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private ICancelable _receiveTimeoutTask;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout = null)
    {
        _receiveTimeout = timeout is { } t && t > TimeSpan.Zero ? t : null;
        RescheduleReceiveTimeout();
    }

    private void RescheduleReceiveTimeout()
    {
        _receiveTimeoutTask?.Cancel();
        _receiveTimeoutTask = _receiveTimeout is { } d
            ? System.Scheduler.ScheduleTellOnceCancelable(d, Self, Akka.Actor.ReceiveTimeout.Instance, Self)
            : null;
    }

    private void CancelReceiveTimeout()
    {
        _receiveTimeoutTask?.Cancel();
        _receiveTimeoutTask = null;
        _receiveTimeout = null;
    }
}
