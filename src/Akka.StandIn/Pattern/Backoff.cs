using Akka.Actor;

namespace Akka.Pattern;

/// <summary>Builders for backoff supervision; pass the result to <see cref="BackoffSupervisor.Props(BackoffOptions)"/>.</summary>
public static class Backoff
{
    /// <summary>
    /// Restart the child with exponential backoff when it <b>fails</b>: each Restart directive becomes "stop the
    /// child, start a new one after the delay". A child that stops by itself stops the supervisor.
    /// </summary>
    /// <param name="childProps">The child's props.</param>
    /// <param name="childName">The child's name.</param>
    /// <param name="minBackoff">The first delay; must be positive.</param>
    /// <param name="maxBackoff">The cap of the delay (before jitter); must be at least <paramref name="minBackoff"/>.</param>
    /// <param name="randomFactor">Jitter in [0, 1]: the delay is multiplied by 1 + U[0,1) × factor.</param>
    /// <param name="maxNrOfRetries">Restarts allowed before the supervisor stops; -1 for unlimited.</param>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries) =>
        new BackoffOptionsImpl(BackoffKind.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    /// <summary>
    /// Restart the child with exponential backoff whenever it <b>terminates</b>. Exceptions are handled by the
    /// plain strategy (default: immediate restart) unless <see cref="BackoffOptions.WithDefaultStoppingStrategy"/> is used.
    /// </summary>
    /// <param name="childProps">The child's props.</param>
    /// <param name="childName">The child's name.</param>
    /// <param name="minBackoff">The first delay; must be positive.</param>
    /// <param name="maxBackoff">The cap of the delay (before jitter); must be at least <paramref name="minBackoff"/>.</param>
    /// <param name="randomFactor">Jitter in [0, 1].</param>
    /// <param name="maxNrOfRetries">Restarts allowed before the supervisor stops; -1 for unlimited.</param>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries) =>
        new BackoffOptionsImpl(BackoffKind.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    /// <summary>As <see cref="OnFailure(Props, string, TimeSpan, TimeSpan, double, int)"/> with unlimited retries.</summary>
    [Obsolete("Use the overload with maxNrOfRetries")]
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        OnFailure(childProps, childName, minBackoff, maxBackoff, randomFactor, -1);

    /// <summary>As <see cref="OnStop(Props, string, TimeSpan, TimeSpan, double, int)"/> with unlimited retries.</summary>
    [Obsolete("Use the overload with maxNrOfRetries")]
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        OnStop(childProps, childName, minBackoff, maxBackoff, randomFactor, -1);
}
