using Akka.Actor;

namespace Akka.Pattern;

/// <summary>The options record behind <see cref="Backoff"/>.</summary>
internal sealed class BackoffOptionsImpl : BackoffOptions
{
    public BackoffOptionsImpl(BackoffKind kind, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries)
    {
        Kind = kind;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        MaxNrOfRetries = maxNrOfRetries;
        AutoReset = minBackoff;
        Strategy = SupervisorStrategy.DefaultStrategy as OneForOneStrategy;
    }

    private BackoffOptionsImpl(BackoffOptionsImpl source) => (Kind, ChildProps, ChildName, MinBackoff, MaxBackoff, RandomFactor, MaxNrOfRetries, AutoReset, Strategy, ReplyWhileStopped, FinalStopMessage) =
        (source.Kind, source.ChildProps, source.ChildName, source.MinBackoff, source.MaxBackoff, source.RandomFactor, source.MaxNrOfRetries, source.AutoReset, source.Strategy, source.ReplyWhileStopped, source.FinalStopMessage);

    public BackoffKind Kind { get; }

    public Props ChildProps { get; }

    public string ChildName { get; }

    public TimeSpan MinBackoff { get; }

    public TimeSpan MaxBackoff { get; }

    public double RandomFactor { get; }

    public int MaxNrOfRetries { get; private set; }

    /// <summary>The auto-reset period; null means manual reset.</summary>
    public TimeSpan? AutoReset { get; private set; }

    public OneForOneStrategy Strategy { get; private set; }

    public object ReplyWhileStopped { get; private set; }

    public Func<object, bool> FinalStopMessage { get; private set; }

    internal override Props Props
    {
        get
        {
            if (MinBackoff <= TimeSpan.Zero)
                throw new ArgumentException("minBackoff must be greater than 0", "minBackoff");
            if (MaxBackoff < MinBackoff)
                throw new ArgumentException("maxBackoff must be greater than or equal to minBackoff", "maxBackoff");
            if (RandomFactor < 0.0 || RandomFactor > 1.0)
                throw new ArgumentException("randomFactor must be between 0.0 and 1.0", "randomFactor");
            ArgumentNullException.ThrowIfNull(ChildProps, "childProps");
            var options = this;
            return Kind == BackoffKind.OnStop
                ? Akka.Actor.Props.CreateInternal(typeof(BackoffSupervisor), () => new BackoffSupervisor(options), options)
                : Akka.Actor.Props.CreateInternal(typeof(BackoffOnRestartSupervisor), () => new BackoffOnRestartSupervisor(options), options);
        }
    }

    public override BackoffOptions WithAutoReset(TimeSpan resetBackoff) => new BackoffOptionsImpl(this) { AutoReset = resetBackoff };

    public override BackoffOptions WithManualReset() => new BackoffOptionsImpl(this) { AutoReset = null };

    public override BackoffOptions WithSupervisorStrategy(OneForOneStrategy supervisorStrategy) =>
        new BackoffOptionsImpl(this) { Strategy = supervisorStrategy ?? throw new ArgumentNullException(nameof(supervisorStrategy)) };

    public override BackoffOptions WithDefaultStoppingStrategy() =>
        new BackoffOptionsImpl(this) { Strategy = new OneForOneStrategy(Strategy.MaxNumberOfRetries, Strategy.WithinTimeRangeMilliseconds, SupervisorStrategy.StoppingStrategy.Decider) };

    public override BackoffOptions WithReplyWhileStopped(object replyWhileStopped) => new BackoffOptionsImpl(this) { ReplyWhileStopped = replyWhileStopped };

    public override BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => new BackoffOptionsImpl(this) { MaxNrOfRetries = maxNrOfRetries };

    public override BackoffOptions WithFinalStopMessage(Func<object, bool> isFinalStopMessage) => new BackoffOptionsImpl(this) { FinalStopMessage = isFinalStopMessage };

    /// <summary><c>min(max, min·2^n) · (1 + U[0,1) · randomFactor)</c>; the jitter is applied after the cap.</summary>
    public TimeSpan DelayFor(int restartCount)
    {
        var exponential = restartCount >= 30 ? double.MaxValue : MinBackoff.Ticks * Math.Pow(2, restartCount);
        var capped = Math.Min(MaxBackoff.Ticks, exponential);
        var jitter = 1.0 + (Random.Shared.NextDouble() * RandomFactor);
        return TimeSpan.FromTicks((long)(capped * jitter));
    }
}
