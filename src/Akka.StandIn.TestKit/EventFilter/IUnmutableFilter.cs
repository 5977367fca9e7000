namespace Akka.TestKit;

/// <summary>A mute started with <c>IEventFilterApplier.Mute()</c>; disposing it unmutes.</summary>
public interface IUnmutableFilter : IDisposable
{
    /// <summary>Stops suppressing the matched events.</summary>
    void Unmute();
}
