namespace Akka.Actor;

/// <summary>The address of an actor system: protocol and system name (host and port are unused locally).</summary>
public sealed class Address : IEquatable<Address>
{
    /// <summary>Creates a local address.</summary>
    /// <param name="protocol">The protocol, normally <c>akka</c>.</param>
    /// <param name="system">The actor system's name.</param>
    public Address(string protocol, string system)
    {
        Protocol = protocol;
        System = system;
    }

    /// <summary>The protocol, normally <c>akka</c>.</summary>
    public string Protocol { get; }

    /// <summary>The actor system's name.</summary>
    public string System { get; }

    /// <summary>Always null for local addresses.</summary>
    public string Host => null;

    /// <summary>Always null for local addresses.</summary>
    public int? Port => null;

    /// <inheritdoc />
    public bool Equals(Address other) =>
        other is not null && Protocol == other.Protocol && System == other.System;

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is Address a && Equals(a);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Protocol, System);

    /// <summary>Returns <c>protocol://system</c>, e.g. <c>akka://sys</c>.</summary>
    public override string ToString() => $"{Protocol}://{System}";
}
