using System.Globalization;
using Akka.Configuration;

namespace AkkaIpc.Remote.TestNode;

/// <summary>
/// The configuration every process of the remote specs uses, so that the transport is the only difference: ipc (a
/// socket directory) or tcp (DotNetty on 127.0.0.1). Failure detectors are set for tests on a loaded 2-core machine:
/// a dead process is noticed within seconds, a slow one is not taken for dead.
/// </summary>
public static class NodeConfig
{
    /// <summary>The configuration of a system at <paramref name="port"/> (0: a free one).</summary>
    /// <param name="transport"><c>ipc</c> or <c>tcp</c>.</param>
    /// <param name="port">The port of the system's address.</param>
    /// <param name="socketDirectory">The ipc socket directory (ignored for tcp).</param>
    /// <param name="cluster">Cluster provider (split-brain resolver, keep-majority) instead of remote.</param>
    /// <param name="seeds">Cluster seed node addresses.</param>
    /// <returns>The configuration.</returns>
    public static Config For(string transport, int port, string socketDirectory, bool cluster = false, IEnumerable<string>? seeds = null)
    {
        var transportBlock = transport switch
        {
            "ipc" => $$"""
                akka.remote.enabled-transports = ["akka.remote.ipc"]
                akka.remote.ipc {
                  transport-class = "AkkaIpc.Remote.IpcTransport, AkkaIpc.Remote"
                  socket-directory = "{{socketDirectory}}"
                  port = {{port}}
                }
                """,
            "tcp" => $$"""
                akka.remote.enabled-transports = ["akka.remote.dot-netty.tcp"]
                akka.remote.dot-netty.tcp {
                  hostname = "127.0.0.1"
                  port = {{port}}
                }
                """,
            _ => throw new ArgumentException($"transport must be ipc or tcp, was '{transport}'", nameof(transport)),
        };
        var seedList = string.Join(", ", (seeds ?? []).Select(s => "\"" + s + "\""));
        var clusterBlock = cluster
            ? $$"""
                akka.actor.provider = cluster
                akka.cluster {
                  seed-nodes = [{{seedList}}]
                  downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                  split-brain-resolver {
                    active-strategy = keep-majority
                    stable-after = 3s
                  }
                  failure-detector {
                    heartbeat-interval = 1s
                    acceptable-heartbeat-pause = 4s
                    threshold = 8.0
                  }
                  log-info = off
                }
                """
            : "akka.actor.provider = remote";
        return ConfigurationFactory.ParseString(string.Join('\n', transportBlock, clusterBlock, Common));
    }

    /// <summary>The address a system of <paramref name="transport"/> at <paramref name="port"/> listens on.</summary>
    /// <param name="transport"><c>ipc</c> or <c>tcp</c>.</param>
    /// <param name="system">The system's name.</param>
    /// <param name="port">The port.</param>
    /// <returns>e.g. <c>akka.ipc://node@localhost:20001</c>.</returns>
    public static string Address(string transport, string system, int port) => transport == "ipc"
        ? string.Create(CultureInfo.InvariantCulture, $"akka.ipc://{system}@localhost:{port}")
        : string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{system}@127.0.0.1:{port}");

    private const string Common = """
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        akka.remote.log-remote-lifecycle-events = off
        akka.remote.retry-gate-closed-for = 1s
        akka.remote.watch-failure-detector {
          heartbeat-interval = 1s
          acceptable-heartbeat-pause = 4s
          threshold = 8.0
        }
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = on
        # Akka.Delivery's wire format ships with Akka.Cluster; a remote (non-cluster) system binds it itself.
        akka.actor.serializers.reliable-delivery = "Akka.Cluster.Serialization.ReliableDeliverySerializer, Akka.Cluster"
        akka.actor.serialization-bindings { "Akka.Delivery.Internal.IDeliverySerializable, Akka" = reliable-delivery }
        akka.actor.serialization-identifiers { "Akka.Cluster.Serialization.ReliableDeliverySerializer, Akka.Cluster" = 36 }
        """;
}
