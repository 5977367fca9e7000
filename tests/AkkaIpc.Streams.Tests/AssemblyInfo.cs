// The tests drive real Unix sockets, file modes, SO_PEERCRED and setpriv: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
