namespace AkkaIpc.Sockets.Internal;

/// <summary>An event waiting to be raised; <paramref name="Payload"/> is the exception or the credentials.</summary>
internal readonly record struct PendingEvent(PendingEventKind Kind, object? Payload = null);
