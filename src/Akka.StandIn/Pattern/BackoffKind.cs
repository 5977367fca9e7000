namespace Akka.Pattern;

/// <summary>Which termination triggers a backoff restart.</summary>
internal enum BackoffKind
{
    OnFailure,
    OnStop,
}
