// The specs drive real Unix sockets, file modes, kill -9 and second processes: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The specs start real processes and rely on failure detectors: one at a time, so a 2-core machine is not loaded
// by the specs themselves into taking a slow process for a dead one.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
