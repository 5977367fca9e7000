namespace AkkaIpc.Benchmarks;

/// <summary>Thrown by a benchmark whose layer is not in this build yet: a loud failure, never a made-up figure.</summary>
internal sealed class LayerMissingException : Exception
{
    public LayerMissingException(string layer)
        : base($"{layer} is not available in this build yet; no figure is reported")
    {
    }
}
