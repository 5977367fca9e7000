// The specs drive real Unix sockets, file modes, kill -9 and second processes: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
