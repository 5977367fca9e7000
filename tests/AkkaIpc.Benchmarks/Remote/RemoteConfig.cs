using Akka.Configuration;

namespace AkkaIpc.Benchmarks.Remote;

/// <summary>Classic remoting over ipc (a socket directory) or DotNetty TCP on 127.0.0.1; both ends use the same, port 0.</summary>
internal static class RemoteConfig
{
    public static Config For(string transport, string socketDirectory) => ConfigurationFactory.ParseString(transport switch
    {
        "ipc" => $$"""
            akka.remote.enabled-transports = ["akka.remote.ipc"]
            akka.remote.ipc {
              transport-class = "AkkaIpc.Remote.IpcTransport, AkkaIpc.Remote"
              socket-directory = "{{socketDirectory}}"
            }
            """,
        "dotnetty" => """
            akka.remote.enabled-transports = ["akka.remote.dot-netty.tcp"]
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            """,
        _ => throw new ArgumentException($"unknown remote transport '{transport}'", nameof(transport)),
    } + """

        akka.actor.provider = remote
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        akka.remote.log-remote-lifecycle-events = off
        """);
}
