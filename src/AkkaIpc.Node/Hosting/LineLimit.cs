namespace AkkaIpc.Node.Hosting;

/// <summary>The longest chat line one write can carry, in UTF-8 bytes, and the setting that makes it so.</summary>
/// <param name="Bytes">The limit.</param>
/// <param name="Setting">The full key of the setting behind it, for the error line.</param>
internal sealed record LineLimit(int Bytes, string Setting);
