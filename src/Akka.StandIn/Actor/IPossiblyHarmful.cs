namespace Akka.Actor;

/// <summary>Marks messages that could harm an actor system if they arrived from an untrusted source.</summary>
public interface IPossiblyHarmful
{
}
