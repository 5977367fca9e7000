namespace Akka;

/// <summary>A value-less "completed" marker.</summary>
public sealed class Done
{
    private Done()
    {
    }

    /// <summary>The single instance.</summary>
    public static readonly Done Instance = new();
}
