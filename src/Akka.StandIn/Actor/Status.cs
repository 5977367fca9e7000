namespace Akka.Actor;

/// <summary>Conventional replies that say whether an operation succeeded.</summary>
public abstract class Status
{
    private Status()
    {
    }

    /// <summary>A successful outcome, optionally carrying a value.</summary>
    public sealed class Success : Status
    {
        /// <summary>A success without a value.</summary>
        public static readonly Success Instance = new(null);

        /// <summary>The carried value.</summary>
        public readonly object Status;

        /// <summary>Creates a success carrying <paramref name="status"/>.</summary>
        public Success(object status) => Status = status;

        /// <inheritdoc />
        public override string ToString() => $"Success: {Status}";
    }

    /// <summary>
    /// A failed outcome. An <c>Ask</c> that receives it faults with <see cref="Cause"/>; <c>PipeTo</c> sends it for
    /// a faulted task.
    /// </summary>
    public sealed class Failure : Status
    {
        /// <summary>Why it failed.</summary>
        public readonly Exception Cause;

        /// <summary>Optional state attached by the sender.</summary>
        public readonly object State;

        /// <summary>Creates a failure.</summary>
        public Failure(Exception cause) => Cause = cause;

        /// <summary>Creates a failure with attached state.</summary>
        public Failure(Exception cause, object state)
        {
            Cause = cause;
            State = state;
        }

        /// <inheritdoc />
        public override string ToString() => $"Failure: {Cause}";
    }
}
