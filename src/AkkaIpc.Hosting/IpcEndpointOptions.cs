namespace AkkaIpc.Hosting;

/// <summary>
/// One socket that <see cref="IpcHostingExtensions.WithIpc(Akka.Hosting.AkkaConfigurationBuilder, IpcOptions)"/>
/// starts with the actor system and registers in the <see cref="Akka.Hosting.ActorRegistry"/> under
/// <see cref="Key"/>; the host's shutdown closes it (a listener's or server's socket file is removed).
/// </summary>
public sealed class IpcEndpointOptions
{
    /// <summary>Creates an endpoint.</summary>
    /// <param name="role">Listener, Connector or Server.</param>
    /// <param name="path">The socket file path.</param>
    /// <param name="key">The registry key type (any type; a marker class per socket is usual).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty, or <paramref name="role"/> is
    /// <see cref="SocketRole.Accepted"/> or undefined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public IpcEndpointOptions(SocketRole role, string path, Type key)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(key);
        if (role is not (SocketRole.Listener or SocketRole.Connector or SocketRole.Server))
            throw new ArgumentException($"an endpoint is a Listener, Connector or Server, not {role}", nameof(role));
        Role = role;
        Path = path;
        Key = key;
    }

    /// <summary>What the socket does with its path.</summary>
    public SocketRole Role { get; }

    /// <summary>The socket file path.</summary>
    public string Path { get; }

    /// <summary>The type the socket's ref is registered under: get it with <c>IRequiredActor&lt;Key&gt;</c> or
    /// <c>ActorRegistry.Get&lt;Key&gt;()</c>.</summary>
    public Type Key { get; }

    /// <summary>The actor's name under <c>/user</c>; null (the default) for a generated <c>ipc-…</c> name.</summary>
    public string? ActorName { get; set; }

    /// <summary>
    /// The registry key of an actor subscribed from the start, so it sees the first <see cref="Listening"/> and
    /// <see cref="Connected"/>; null (the default) for none (actors can still send <see cref="Subscribe"/> to the ref).
    /// It must be registered before this endpoint starts (by <c>WithActors</c> called before <c>WithIpc</c>).
    /// </summary>
    public Type? Subscriber { get; set; }

    /// <summary>This socket's framing; null (the default) for <c>akka.ipc.socket.framing</c>.</summary>
    public Framing? Framing { get; set; }

    /// <summary>Names the endpoint in messages: <c>IPC listener on /run/app/chat.sock</c>.</summary>
    /// <returns>The role and path.</returns>
    public override string ToString() => $"IPC {Role.ToString().ToLowerInvariant()} on {Path}";
}
